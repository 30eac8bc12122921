package io.github.devopsassess.report;

import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Generates the check pages ({@code <check-id>.adoc} and {@value #INDEX}) from the default rubric at build time, and
 * fails when the rubric's documentation is incomplete. The plugin module's build runs {@link #main} in the phase
 * {@code process-classes} (exec-maven-plugin, goal {@code java}) with {@code target/generated-docs/checks} as its
 * argument.
 */
public final class CheckPagesGenerator {

    /** The file name of the list of every check. */
    public static final String INDEX = "index.adoc";

    /** Where the texts of the default rubric are written, for the failure message. */
    static final String DEFAULT_RUBRIC_FILE = "rubrics/src/main/resources/" + RubricLoader.DEFAULT_RESOURCE;

    private CheckPagesGenerator() {
    }

    /**
     * Validates the default rubric's check documentation and writes the pages.
     *
     * @param args one argument: the output folder
     * @throws CheckDocsException when a check misses a section; the message lists every check and section
     */
    public static void main(String[] args) throws IOException, RubricException, CheckDocsException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CheckPagesGenerator <output folder>");
        }
        Rubric rubric = new RubricLoader(CheckPagesGenerator.class.getClassLoader()).loadDefault();
        // the rubric is the registry of built-in checks: each entry names its class, and the loader verified it
        Set<String> builtIn = new java.util.TreeSet<>(rubric.checks().keySet());
        Path out = Path.of(args[0]);
        Map<String, String> files = write(rubric, builtIn, out);
        System.out.println("[check pages] " + (files.size() - 1) + " check pages and " + INDEX + " written to "
                + out.toAbsolutePath());
    }

    /**
     * Every problem that keeps the rubric's check pages from being complete, one line each, naming the check and the
     * section: a built-in check without an entry in the rubric, a section without text, a page that would say
     * "not documented". Empty when every page can be generated.
     *
     * @param builtIn ids of the checks the plugin implements, each of which needs an entry in the rubric
     */
    public static List<String> problems(Rubric rubric, Set<String> builtIn) {
        List<String> problems = new ArrayList<>();
        for (String id : builtIn) {
            if (!rubric.checks().containsKey(id)) {
                problems.add("check '" + id + "': implemented by the plugin, but the rubric has no entry for it");
            }
        }
        for (CheckDef c : rubric.checks().values()) {
            List<CheckPages.Section> missing = CheckPages.missing(c);
            for (CheckPages.Section s : missing) {
                problems.add("check '" + c.id() + "': no " + s.key() + " (" + s.heading() + ")");
            }
            if (missing.isEmpty() && CheckPages.page(rubric, c.id()).toLowerCase(Locale.ROOT)
                    .contains("not documented")) {
                problems.add("check '" + c.id() + "': its page would say \"not documented\"; write the text instead");
            }
        }
        return problems;
    }

    /**
     * The files of the check pages: {@code <check-id>.adoc} for every check of the rubric, then {@value #INDEX}.
     *
     * @throws CheckDocsException when {@link #problems} finds any
     */
    public static Map<String, String> files(Rubric rubric, Set<String> builtIn) throws CheckDocsException {
        List<String> problems = problems(rubric, builtIn);
        if (!problems.isEmpty()) {
            throw new CheckDocsException(rubric.name(), problems);
        }
        Map<String, String> files = new LinkedHashMap<>();
        CheckPages.pages(rubric).forEach((id, page) -> files.put(Adoc.id(id) + ".adoc", page));
        files.put(INDEX, CheckPages.index(rubric));
        return files;
    }

    /**
     * Writes {@link #files} into {@code out}, replacing the {@code .adoc} files already there (a check that was
     * removed leaves no page behind). Nothing is written when the rubric has problems.
     */
    public static Map<String, String> write(Rubric rubric, Set<String> builtIn, Path out)
            throws CheckDocsException, IOException {
        Map<String, String> files = files(rubric, builtIn);
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".adoc")).toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return files;
    }

    /** The rubric's check documentation is incomplete; the message names every check and section. */
    public static final class CheckDocsException extends Exception {

        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        CheckDocsException(String rubric, List<String> problems) {
            super(message(rubric, problems));
            this.problems = List.copyOf(problems);
        }

        /** One line per problem, each naming the check and the section. */
        public List<String> problems() {
            return problems;
        }

        private static String message(String rubric, List<String> problems) {
            StringBuilder m = new StringBuilder("The check pages of the rubric '").append(rubric)
                    .append("' cannot be generated: ").append(problems.size())
                    .append(problems.size() == 1 ? " problem" : " problems")
                    .append(". Every check needs description, remediation and docs: source, why, example and guards");
            if (RubricLoader.DEFAULT_NAME.equals(rubric)) {
                m.append(" (in ").append(DEFAULT_RUBRIC_FILE).append(")");
            }
            m.append(".");
            problems.forEach(p -> m.append("\n  - ").append(p));
            return m.toString();
        }
    }
}
