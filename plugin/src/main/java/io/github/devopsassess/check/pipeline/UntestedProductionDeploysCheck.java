package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code untested-production-deploys}: a GitHub Actions job that deploys to production while the same workflow runs
 * tests in another job it does not wait for ({@code needs:}, directly or through other jobs). GitHub starts such
 * jobs in parallel, so production gets the change whether the tests pass or not. A job runs tests when one of its
 * steps does (steps of local composite actions included) or a local reusable workflow it calls does.
 */
public final class UntestedProductionDeploysCheck implements Check {

    public static final String ID = "untested-production-deploys";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        PipelineGraph graph = new PipelineGraph(facts.get(PipelineFacts.class));
        Predicate<Job> tests = j -> graph.withCalled(j).stream().anyMatch(k -> k.has(StepRole.TEST));
        for (Workflow w : facts.get(PipelineFacts.class).workflows()) {
            // only GitHub Actions runs jobs in parallel unless 'needs' orders them; stages order the others
            if (!"github-actions".equals(w.system()) || w.jobs().stream().noneMatch(tests)) {
                continue;
            }
            Map<String, Job> byId = w.jobs().stream().collect(Collectors.toMap(Job::id, Function.identity(),
                    (a, b) -> a));
            for (Job job : w.jobs()) {
                if (!job.production()) {
                    continue;
                }
                judged++;
                if (!waitsForTests(job, byId, tests)) {
                    List<String> testJobs = w.jobs().stream().filter(tests).map(Job::id).toList();
                    findings.add(settings.fail("Job '" + job.name() + "' deploys to production without waiting for"
                            + " the tests of " + String.join(", ", testJobs) + " in the same workflow: both start"
                            + " together, so a change that fails its tests still reaches production.",
                            w.path() + "#" + job.id(), List.of(Evidence.line(job.at().path(), job.at().line())
                                    .withNote("needs: " + (job.needs().isEmpty() ? "nothing" : String.join(", ",
                                            job.needs()))))));
                }
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no GitHub Actions workflow both runs tests and deploys to production");
        }
        return Judgement.of(findings, judged, findings.size() + " of "
                + Words.plural(judged, "production deploy job", "production deploy jobs") + " "
                + Words.noun(findings.size(), "does", "do") + " not wait for the tests of their workflow");
    }

    /** Whether the job runs tests itself or needs, directly or through other jobs, one that does. */
    static boolean waitsForTests(Job job, Map<String, Job> byId, Predicate<Job> tests) {
        Deque<Job> todo = new ArrayDeque<>(List.of(job));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Job j = todo.pop();
            if (!seen.add(j.id())) {
                continue;
            }
            if (tests.test(j)) {
                return true;
            }
            j.needs().stream().map(byId::get).filter(n -> n != null).forEach(todo::push);
        }
        return false;
    }
}
