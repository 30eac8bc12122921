package io.github.devopsassess.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of CONTRIBUTING.md, read from the main sources: every import and every fully qualified name of
 * this project or of JGit counts, so a rule cannot be dodged by writing the name out.
 */
class ArchitectureTest {

    private static final String BASE = "io.github.devopsassess.";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern NAME = Pattern.compile("\\b(io\\.github\\.devopsassess\\.[\\w.]+|org\\.eclipse\\.jgit"
            + "[\\w.]*|org\\.apache\\.maven[\\w.]*)");
    private static final Pattern STATIC_FIELD = Pattern.compile(
            "(?m)^\\s*(?:private |public |protected )?static (?!final)(?!class|record|enum|interface)[\\w<>\\[\\], ?]+ \\w+\\s*[=;]");

    private record Source(String pkg, String file, List<String> names, String text) {
    }

    private static List<Source> sources;

    @BeforeAll
    static void read() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    String code = code(text);
                    Matcher m = PACKAGE.matcher(text);
                    String pkg = m.find() ? m.group(1) : "";
                    List<String> names = new ArrayList<>();
                    Matcher n = NAME.matcher(code);
                    while (n.find()) {
                        names.add(n.group(1));
                    }
                    return new Source(pkg, root.relativize(p).toString(), names, code);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(sources).as("main sources read from " + root.toAbsolutePath()).hasSizeGreaterThan(300);
    }

    /** The text without comments, string and character literals (text blocks included), kept line for line. */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void theCodeReaderLeavesOutCommentsAndLiterals() {
        assertThat(code("import a.B; // io.github.devopsassess.scan.X\n/* io.github.devopsassess.source.Y */ String s ="
                + " \"io.github.devopsassess.scan.Z \\\" still\"; char q = '\"'; int k;"))
                .isEqualTo("import a.B; \n  String s = \"\"; char q = ''; int k;");
    }

    private static List<String> violations(String packagePrefix, java.util.function.Predicate<String> forbidden) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            if (s.pkg().equals(packagePrefix) || s.pkg().startsWith(packagePrefix + ".")) {
                s.names().stream().filter(forbidden).distinct().forEach(n -> out.add(s.file() + " uses " + n));
            }
        }
        return out;
    }

    private static String sub(String pkg, String parent) {
        String rest = pkg.substring(parent.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void checksAndTheReportReadFactsNeverScannersOrSources() {
        for (String layer : List.of("check", "report")) {
            assertThat(violations(BASE + layer, n -> n.startsWith(BASE + "scan.") || n.startsWith(BASE + "source.")))
                    .as(layer).isEmpty();
        }
    }

    @Test
    void onlySourceUsesJGitAndOnlyMavenUsesTheMavenApi() {
        List<String> jgit = new ArrayList<>();
        List<String> maven = new ArrayList<>();
        for (Source s : sources) {
            for (String n : s.names()) {
                if (n.startsWith("org.eclipse.jgit") && !s.pkg().startsWith(BASE + "source")) {
                    jgit.add(s.file() + " uses " + n);
                }
                if (n.startsWith("org.apache.maven") && !s.pkg().startsWith(BASE + "maven")) {
                    maven.add(s.file() + " uses " + n);
                }
            }
        }
        assertThat(jgit).isEmpty();
        assertThat(maven).isEmpty();
    }

    @Test
    void noCheckPackageUsesAnotherAndNoCheckScores() {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            if (!s.pkg().startsWith(BASE + "check.")) {
                continue;
            }
            String own = sub(s.pkg(), BASE + "check");
            for (String n : s.names()) {
                boolean otherCheckPackage = n.startsWith(BASE + "check.") && Character.isLowerCase(
                        n.charAt((BASE + "check.").length())) && !sub(n, BASE + "check").equals(own);
                boolean scores = n.startsWith(BASE + "score.") || n.equals(BASE + "model.CheckStatus")
                        || n.equals(BASE + "model.CheckResult");
                if (otherCheckPackage || scores) {
                    out.add(s.file() + " uses " + n);
                }
            }
        }
        assertThat(out).isEmpty();
    }

    @Test
    void factsUseOnlyTheLeafHelpers() {
        Set<String> allowed = Set.of("facts", "model", "mask", "parse");
        assertThat(violations(BASE + "facts", n -> n.startsWith(BASE) && !allowed.contains(sub(n, "io.github"
                + ".devopsassess")))).isEmpty();
    }

    @Test
    void noStaticMutableStateButTheOneAsciidoctorOfTheJvm() {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            Matcher m = STATIC_FIELD.matcher(s.text());
            while (m.find()) {
                if (!s.file().endsWith("report/SharedAsciidoctor.java")) {
                    out.add(s.file() + ": " + m.group().trim());
                }
            }
        }
        assertThat(out).isEmpty();
    }
}
