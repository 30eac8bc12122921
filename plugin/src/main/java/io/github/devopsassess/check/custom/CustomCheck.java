package io.github.devopsassess.check.custom;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.history.TruckFactors;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.TruckFactor;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.CustomCondition;
import io.github.devopsassess.rubric.CustomCondition.Operator;
import io.github.devopsassess.rubric.CustomCondition.Requirement;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.custom.CustomFileFacts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.pipeline.PipelineDefinition;
import io.github.devopsassess.facts.pipeline.PipelineFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates every custom check, the ones a team writes in its rubric without Java ({@link CustomCondition}). Like a
 * built-in check it is a pure function of the facts: the files it examines were read by the {@code custom} scanner.
 * Its id is the one the rubric gives; {@link #id()} only names the kind.
 */
public final class CustomCheck implements Check {

    public static final String ID = "custom";

    private final String id;
    private final CustomCondition condition;

    /**
     * @param id the custom check's id in the rubric
     * @param condition its declarative condition
     */
    public CustomCheck(String id, CustomCondition condition) {
        this.id = id;
        this.condition = condition;
    }

    @Override
    public String id() {
        return id;
    }

    /** What the condition reads: the tree (and the files the custom scanner read), pipelines or history. */
    @Override
    public List<Class<?>> requires() {
        return switch (condition.type()) {
            case FILE_EXISTS, FILE_ABSENT, YAML_PATH, JSON_PATH -> List.of(TreeFacts.class);
            case PIPELINE_JOB -> List.of();
            case HISTORY -> "truck-factor".equals(condition.require().subject())
                    ? List.of(HistoryFacts.class, TruckFactors.class) : List.of(HistoryFacts.class);
        };
    }

    @Override
    public List<Class<?>> scanned() {
        return condition.type() == CustomCondition.Type.PIPELINE_JOB ? List.of(PipelineFacts.class) : List.of();
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        return switch (condition.type()) {
            case FILE_EXISTS -> fileExists(facts, settings, condition);
            case FILE_ABSENT -> fileAbsent(facts, settings, condition);
            case YAML_PATH, JSON_PATH -> paths(facts, settings, condition);
            case PIPELINE_JOB -> pipeline(facts, settings, condition);
            case HISTORY -> history(facts, settings, condition);
        };
    }

    private static List<String> matching(TreeFacts tree, CustomCondition condition) {
        List<Glob> globs = condition.files().stream().map(Glob::of).toList();
        String prefix = tree.subtree().isEmpty() ? "" : tree.subtree() + "/";
        return tree.files().stream()
                .filter(f -> Glob.anyMatches(globs, f.startsWith(prefix) ? f.substring(prefix.length()) : f))
                .sorted().toList();
    }

    private static String globs(CustomCondition condition) {
        return String.join(", ", condition.files());
    }

    private static String message(CustomCondition condition, String generated, String file) {
        if (condition.message().isBlank()) {
            return generated;
        }
        return file == null ? condition.message() : condition.message().replace("{file}", file);
    }

    private Judgement fileExists(Facts facts, CheckSettings settings, CustomCondition condition) {
        TreeFacts tree = facts.find(TreeFacts.class).orElse(null);
        if (tree == null) {
            return Judgement.inapplicable("the files were not listed");
        }
        List<String> found = matching(tree, condition);
        if (!found.isEmpty()) {
            return Judgement.clean(Words.plural(found.size(), "file matches", "files match") + " "
                    + globs(condition) + ": " + found.get(0)
                    + (found.size() > 1 ? ", …" : ""));
        }
        Finding finding = settings.fail(message(condition, "No file matches " + globs(condition) + ".", null),
                "files:" + globs(condition), List.of(Evidence.note("looked for " + globs(condition) + " in "
                        + (tree.subtree().isEmpty() ? "the repository" : tree.subtree() + "/"))));
        return Judgement.of(List.of(finding), 0, "no file matches " + globs(condition));
    }

    private Judgement fileAbsent(Facts facts, CheckSettings settings, CustomCondition condition) {
        TreeFacts tree = facts.find(TreeFacts.class).orElse(null);
        if (tree == null) {
            return Judgement.inapplicable("the files were not listed");
        }
        List<String> found = matching(tree, condition);
        if (found.isEmpty()) {
            return Judgement.clean("no file matches " + globs(condition));
        }
        List<Finding> findings = new ArrayList<>();
        for (String f : found) {
            findings.add(settings.fail(message(condition, f + " should not exist (it matches " + globs(condition)
                    + ").", f), f, List.of(Evidence.file(f))));
        }
        return Judgement.of(findings, 0, Words.plural(found.size(), "file matches", "files match") + " "
                + globs(condition));
    }

    private Judgement paths(Facts facts, CheckSettings settings, CustomCondition condition) {
        TreeFacts tree = facts.find(TreeFacts.class).orElse(null);
        CustomFileFacts files = facts.find(CustomFileFacts.class).orElse(null);
        if (tree == null || files == null) {
            return Judgement.inapplicable("the files of custom checks were not read");
        }
        List<String> matched = matching(tree, condition);
        if (matched.isEmpty()) {
            return Judgement.inapplicable("no file matches " + globs(condition));
        }
        Requirement require = condition.require();
        List<Finding> findings = new ArrayList<>();
        int evaluated = 0;
        for (String path : matched) {
            List<YamlNode> documents = files.documents().get(path);
            if (documents == null) {
                continue; // unreadable: the scanner recorded a parse problem with the line
            }
            evaluated++;
            List<PathValues.Violation> violations = new ArrayList<>();
            for (YamlNode document : documents) {
                violations.addAll(PathValues.violations(document, require));
            }
            if (documents.isEmpty()) {
                violations.add(new PathValues.Violation(1, "the file is empty"));
            }
            if (!violations.isEmpty()) {
                List<Evidence> evidence = violations.stream()
                        .map(v -> Evidence.line(path, v.line()).withNote(v.explanation())).toList();
                String generated = "In " + path + ", " + violations.get(0).explanation()
                        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")
                        + "; the rubric requires " + require.text() + ".";
                findings.add(settings.fail(message(condition, generated, path), path, evidence));
            }
        }
        if (evaluated == 0) {
            return Judgement.inapplicable("none of the " + Words.plural(matched.size(), "file", "files")
                    + " matching " + globs(condition)
                    + " could be read");
        }
        int passing = evaluated - findings.size();
        String summary = passing + " of " + Words.plural(evaluated, "file", "files") + " "
                + Words.noun(passing, "satisfies", "satisfy") + " " + require.text();
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, evaluated, summary).lost(evaluated - passing);
    }

    private Judgement pipeline(Facts facts, CheckSettings settings, CustomCondition condition) {
        PipelineFacts pipelines = facts.find(PipelineFacts.class).orElse(null);
        if (pipelines == null) {
            return Judgement.inapplicable("pipelines were not scanned");
        }
        Requirement require = condition.require();
        List<PipelineDefinition> defs = pipelines.definitions();
        List<Finding> findings = new ArrayList<>();
        switch (require.subject()) {
            case "defined" -> {
                if (defs.isEmpty()) {
                    findings.add(settings.fail(message(condition, "No CI pipeline definition was found.", null),
                            "pipeline", List.of(Evidence.note("looked for " + String.join(", ",
                                    pipelines.searched())))));
                }
            }
            case "readable" -> {
                for (PipelineDefinition d : defs) {
                    if (!d.readable()) {
                        findings.add(settings.fail(message(condition, "The " + d.system() + " pipeline " + d.path()
                                + " cannot be read.", d.path()), d.path(), List.of(Evidence.file(d.path()))));
                    }
                }
            }
            case "system" -> {
                List<PipelineDefinition> of = defs.stream().filter(d -> d.system().equals(require.value())).toList();
                if (require.operator() == Operator.EQ && of.isEmpty()) {
                    String seen = defs.stream().map(PipelineDefinition::system).distinct().sorted()
                            .collect(Collectors.joining(", "));
                    findings.add(settings.fail(message(condition, "No " + require.value()
                            + " pipeline was found" + (seen.isEmpty() ? "." : " (found: " + seen + ")."), null),
                            "pipeline:" + require.value(), List.of(Evidence.note("looked for "
                                    + String.join(", ", pipelines.searched())))));
                } else if (require.operator() == Operator.NE) {
                    for (PipelineDefinition d : of) {
                        findings.add(settings.fail(message(condition, d.path() + " is a " + d.system()
                                + " pipeline, which the rubric rules out.", d.path()), d.path(),
                                List.of(Evidence.file(d.path()))));
                    }
                }
            }
            default -> {
                return Judgement.inapplicable("unknown pipeline predicate '" + require.subject()
                        + "' (please report this)");
            }
        }
        String summary = Words.plural(defs.size(), "pipeline definition", "pipeline definitions") + "; "
                + require.text() + ": "
                + (findings.isEmpty() ? "holds" : "does not hold");
        return Judgement.of(findings, 0, summary);
    }

    private Judgement history(Facts facts, CheckSettings settings, CustomCondition condition) {
        HistoryFacts history = facts.get(HistoryFacts.class);
        Requirement require = condition.require();
        List<AuthoredCommit> humans = history.commits().stream().filter(c -> !c.author().bot()).toList();
        double value;
        switch (require.subject()) {
            case "commits" -> value = humans.size();
            case "authors" -> value = humans.stream().map(c -> c.author().key()).collect(Collectors.toSet()).size();
            case "truck-factor" -> {
                TruckFactor tf = facts.get(TruckFactors.class).repository();
                if (tf.files() == 0) {
                    return Judgement.inapplicable("no source file with history in the assessed tree");
                }
                value = tf.value();
            }
            default -> {
                return Judgement.inapplicable("unknown history metric '" + require.subject()
                        + "' (please report this)");
            }
        }
        String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f",
                value);
        String summary = require.subject() + " is " + shown + " (the rubric requires " + require.text() + ")";
        if (require.operator().test(value, require.number().orElse(0.0))) {
            return Judgement.clean(summary);
        }
        Finding finding = settings.fail(message(condition, "The history has " + require.subject() + " " + shown
                + "; the rubric requires " + require.text() + ".", null), "history:" + require.subject(),
                List.of(Evidence.note(Words.plural(humans.size(), "commit", "commits") + " by human authors"
                        + (history.shallow() ? " (shallow clone: history is truncated)" : ""))));
        return Judgement.of(List.of(finding), 0, summary);
    }

    /** The globs of every custom check that reads file contents, for the {@code custom} scanner. */
    public static List<String> filesToRead(Iterable<io.github.devopsassess.rubric.CheckDef> checks) {
        Set<String> globs = new java.util.TreeSet<>();
        for (io.github.devopsassess.rubric.CheckDef c : checks) {
            if (c.enabled() && c.custom() != null && c.custom().type().readsFileContents()) {
                globs.addAll(c.custom().files());
            }
        }
        return List.copyOf(globs);
    }
}
