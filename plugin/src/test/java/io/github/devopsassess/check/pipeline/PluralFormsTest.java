package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.gate.GateResult;
import io.github.devopsassess.gate.Summary;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Words a leader reads once: "1 reference follows", "2 references follow", never "1 reference(s)" or "1 people". */
class PluralFormsTest {

    private static final String PATH = ".github/workflows/deploy.yml";

    /** The unpinned-actions check over {@code n} actions that follow a branch and one pinned to a version tag. */
    private static CheckResult unpinned(int n) throws Exception {
        List<Reference> refs = new ArrayList<>(IntStream.range(0, n).mapToObj(i -> new Reference("action",
                "someone/notify-" + i + "@main", Pinning.BRANCH, new Location(PATH, 10 + i))).toList());
        Job job = new Job("deploy", "deploy", new Location(PATH, 5), null, List.of(), null, null, List.of(), List.of(),
                refs, null, null, null, null, true);
        Workflow w = new Workflow("github-actions", PATH, "deploy", List.of(), null, List.of(job), null);
        Facts facts = Facts.builder()
                .put(PipelineFacts.class, new PipelineFacts(List.of(), List.of(PATH), List.of(w), List.of(), List.of(),
                        List.of()))
                .put(TreeFacts.class, new TreeFacts("", List.of(PATH), "test", "acme/shop")).build();
        CheckSettings settings = new CheckSettings(new RubricLoader(PluralFormsTest.class.getClassLoader())
                .loadDefault().checks().get(UnpinnedActionsCheck.ID));
        return CheckRunner.evaluate(new UnpinnedActionsCheck(), facts, settings);
    }

    @Test
    void aCheckMessageIsSingularForOneAndPluralForTwo() throws Exception {
        CheckResult one = unpinned(1);
        assertThat(one.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("1 third-party reference follows a branch or no version at all (someone/notify-0@main)"));
        assertThat(one.summary()).isEqualTo("1 of 1 third-party reference not pinned to a commit");
        CheckResult two = unpinned(2);
        assertThat(two.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("2 third-party references follow a branch or no version at all"));
        assertThat(two.summary()).isEqualTo("2 of 2 third-party references not pinned to a commit");
    }

    @Test
    void theBuildSummaryIsSingularForOneAndPluralForTwo() {
        assertThat(Summary.console(assessment(1), Optional.of(new GateResult(List.of(), List.of(), 1))))
                .contains("  1 finding, 1 input could not be read",
                        "  Gate: passed (1 new finding below the failing severity, 0 fixed)");
        assertThat(Summary.console(assessment(2), Optional.of(new GateResult(List.of(), List.of(), 2))))
                .contains("  2 findings, 2 inputs could not be read",
                        "  Gate: passed (2 new findings below the failing severity, 0 fixed)");
    }

    private static Assessment assessment(int n) {
        List<Finding> findings = IntStream.range(0, n).mapToObj(i -> Finding.of("unpinned-actions", "third-party",
                Severity.HIGH, "m" + i, "s" + i, List.of(Evidence.line(PATH, i + 1)), "r")).toList();
        List<ParseProblem> problems = IntStream.range(0, n).mapToObj(i -> new ParseProblem("f" + i + ".yml", 1,
                "bad")).toList();
        return new Assessment(1, "t", new Assessment.Subject("shop", "", null, "main", true, null), 50, "managed",
                List.of(), findings, problems, Map.of());
    }

    /** No message of the plugin writes "thing(s)": every counted noun goes through {@code model.Words}. */
    @Test
    void noStringOfTheSourcesHedgesItsPlural() throws IOException {
        // string literals in order, so that the text between two literals is never taken for one
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        Pattern hedge = Pattern.compile("[a-z]\\(s\\)");
        List<String> hedged = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = literal.matcher(lines.get(i));
                    while (m.find()) {
                        if (hedge.matcher(m.group()).find()) {
                            hedged.add(f + ":" + (i + 1) + " " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(hedged).isEmpty();
    }
}
