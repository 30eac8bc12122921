package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code skipped-tests}: builds that switch tests off ({@code -DskipTests}, {@code -Dmaven.test.skip},
 * {@code --no-verify}, {@code -x test}) and test stages that only echo. When no earlier or same job runs the tests,
 * nothing stops a broken change from shipping; when one does, skipping again is only a warning.
 */
public final class SkippedTestsCheck extends PipelineCheck {

    public static final String ID = "skipped-tests";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        int jobs = 0;
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                jobs++;
                List<Job> before = new ArrayList<>(PipelineGraph.ancestors(w, j));
                before.add(j);
                boolean testedBefore = before.stream().flatMap(b -> b.steps().stream()).anyMatch(s ->
                        s.has(StepRole.TEST) && !s.has(StepRole.SKIPS_TESTS) && !s.failureIgnored());
                for (Step s : j.steps()) {
                    if (!s.has(StepRole.SKIPS_TESTS)) {
                        continue;
                    }
                    String message = "Step '" + s.name() + "' in '" + j.name() + "' skips the tests"
                            + (testedBefore ? ", though tests run earlier in the pipeline."
                                    : " and no earlier step runs them: broken changes pass.");
                    String subject = w.path() + "#" + j.id() + "#" + s.name();
                    List<Evidence> ev = List.of(Evidence.line(s.at().path(), s.at().line()).withNote("tests"
                            + " skipped"));
                    findings.add(testedBefore ? settings.warn(message, subject, ev) : settings.fail(message, subject,
                            ev));
                }
                if (looksLikeTests(j) && !j.steps().isEmpty() && j.steps().stream().allMatch(
                        SkippedTestsCheck::noOp)) {
                    findings.add(settings.fail("'" + j.name() + "' is named as a test stage but only echoes: no"
                            + " test runs.", w.path() + "#" + j.id() + "#no-op", List.of(Evidence.line(
                                    j.at().path(), j.at().line()).withNote(j.steps().get(0).text()))));
                }
            }
        }
        return Judgement.of(findings, Math.max(jobs, findings.size()), Words.plural(findings.size(), "place", "places")
                + " where tests are skipped");
    }

    private static boolean looksLikeTests(Job j) {
        return j.name().toLowerCase(Locale.ROOT).matches(".*\\btests?\\b.*");
    }

    /** A step that runs nothing: an echo, {@code true}, {@code :} or nothing at all; an action it uses runs. */
    static boolean noOp(Step s) {
        if (s.uses() != null && !s.uses().isBlank()) {
            return false; // 'uses: ./' runs the repository's own action: an integration test, not an echo
        }
        String t = s.text().strip().replaceFirst("^(sh|bat)\\s*\\(?\\s*['\"]", "");
        return t.startsWith("echo") || t.startsWith("true") || t.startsWith(":") || t.isEmpty();
    }
}
