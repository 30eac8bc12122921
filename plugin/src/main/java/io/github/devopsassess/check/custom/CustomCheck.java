package io.github.devopsassess.check.custom;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.knowledgesilos.DegreeOfAuthorship;
import io.github.devopsassess.check.knowledgesilos.HistoryViews;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.CustomCondition;
import io.github.devopsassess.rubric.CustomCondition.Operator;
import io.github.devopsassess.rubric.CustomCondition.Requirement;
import io.github.devopsassess.scan.TreeFacts;
import io.github.devopsassess.scan.custom.CustomFileFacts;
import io.github.devopsassess.scan.history.AuthoredCommit;
import io.github.devopsassess.scan.history.HistoryFacts;
import io.github.devopsassess.scan.pipeline.PipelineDefinition;
import io.github.devopsassess.scan.pipeline.PipelineFacts;

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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Facts facts, CheckSettings settings) {
        CustomCondition condition = settings.def().custom();
        if (condition == null) {
            return settings.notAssessed("not a custom check (please report this)");
        }
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

    private CheckResult fileExists(Facts facts, CheckSettings settings, CustomCondition condition) {
        TreeFacts tree = facts.find(TreeFacts.class).orElse(null);
        if (tree == null) {
            return settings.notAssessed("the files were not listed");
        }
        List<String> found = matching(tree, condition);
        if (!found.isEmpty()) {
            return settings.pass(found.size() + " file(s) match " + globs(condition) + ": " + found.get(0)
                    + (found.size() > 1 ? ", …" : ""));
        }
        Finding finding = settings.fail(message(condition, "No file matches " + globs(condition) + ".", null),
                "files:" + globs(condition), List.of(Evidence.note("looked for " + globs(condition) + " in "
                        + (tree.subtree().isEmpty() ? "the repository" : tree.subtree() + "/"))));
        return settings.result(CheckStatus.FAIL, 0, "no file matches " + globs(condition), List.of(finding));
    }

    private CheckResult fileAbsent(Facts facts, CheckSettings settings, CustomCondition condition) {
        TreeFacts tree = facts.find(TreeFacts.class).orElse(null);
        if (tree == null) {
            return settings.notAssessed("the files were not listed");
        }
        List<String> found = matching(tree, condition);
        if (found.isEmpty()) {
            return settings.pass("no file matches " + globs(condition));
        }
        List<Finding> findings = new ArrayList<>();
        for (String f : found) {
            findings.add(settings.fail(message(condition, f + " should not exist (it matches " + globs(condition)
                    + ").", f), f, List.of(Evidence.file(f))));
        }
        return settings.result(CheckStatus.FAIL, 0, found.size() + " file(s) match " + globs(condition), findings);
    }

    private CheckResult paths(Facts facts, CheckSettings settings, CustomCondition condition) {
        TreeFacts tree = facts.find(TreeFacts.class).orElse(null);
        CustomFileFacts files = facts.find(CustomFileFacts.class).orElse(null);
        if (tree == null || files == null) {
            return settings.notAssessed("the files of custom checks were not read");
        }
        List<String> matched = matching(tree, condition);
        if (matched.isEmpty()) {
            return settings.notAssessed("no file matches " + globs(condition));
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
            return settings.notAssessed("none of the " + matched.size() + " file(s) matching " + globs(condition)
                    + " could be read");
        }
        int passing = evaluated - findings.size();
        String summary = passing + " of " + evaluated + " file(s) satisfy " + require.text();
        if (findings.isEmpty()) {
            return settings.pass(summary);
        }
        return settings.result(CheckStatus.FAIL, (double) passing / evaluated, summary, findings);
    }

    private CheckResult pipeline(Facts facts, CheckSettings settings, CustomCondition condition) {
        PipelineFacts pipelines = facts.find(PipelineFacts.class).orElse(null);
        if (pipelines == null) {
            return settings.notAssessed("pipelines were not scanned");
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
                return settings.notAssessed("unknown pipeline predicate '" + require.subject()
                        + "' (please report this)");
            }
        }
        String summary = defs.size() + " pipeline definition(s); " + require.text() + ": "
                + (findings.isEmpty() ? "holds" : "does not hold");
        return findings.isEmpty() ? settings.pass(summary) : settings.result(CheckStatus.FAIL, 0, summary, findings);
    }

    private CheckResult history(Facts facts, CheckSettings settings, CustomCondition condition) {
        HistoryFacts history = HistoryFacts.in(facts);
        if (!history.available()) {
            return settings.notAssessed(history.missingReason());
        }
        Requirement require = condition.require();
        List<AuthoredCommit> humans = history.commits().stream().filter(c -> !c.author().bot()).toList();
        double value;
        switch (require.subject()) {
            case "commits" -> value = humans.size();
            case "authors" -> value = humans.stream().map(c -> c.author().key()).collect(Collectors.toSet()).size();
            case "truck-factor" -> {
                DegreeOfAuthorship.TruckFactor tf = DegreeOfAuthorship.truckFactor(
                        HistoryViews.authorship(history));
                if (tf.files() == 0) {
                    return settings.notAssessed("no source file with history in the assessed tree");
                }
                value = tf.value();
            }
            default -> {
                return settings.notAssessed("unknown history metric '" + require.subject()
                        + "' (please report this)");
            }
        }
        String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f",
                value);
        String summary = require.subject() + " is " + shown + " (the rubric requires " + require.text() + ")";
        if (require.operator().test(value, require.number().orElse(0.0))) {
            return settings.pass(summary);
        }
        Finding finding = settings.fail(message(condition, "The history has " + require.subject() + " " + shown
                + "; the rubric requires " + require.text() + ".", null), "history:" + require.subject(),
                List.of(Evidence.note(humans.size() + " commits by human authors"
                        + (history.shallow() ? " (shallow clone: history is truncated)" : ""))));
        return settings.result(CheckStatus.FAIL, 0, summary, List.of(finding));
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
