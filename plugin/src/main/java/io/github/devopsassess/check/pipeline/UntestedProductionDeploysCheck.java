package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Trigger;
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
 * {@code untested-production-deploys}: a job that deploys to production before any test has passed.
 * <ul>
 * <li>GitHub Actions: the same workflow runs tests in another job the deploy job does not wait for ({@code needs:},
 * directly or through other jobs). GitHub starts such jobs in parallel, so production gets the change whether the
 * tests pass or not. A workflow without tests is not judged: its tests may be a required status check elsewhere.</li>
 * <li>GitLab CI and declarative Jenkins: no job of an earlier stage (or of its {@code needs:}, which replace the stage
 * order) and no earlier stage runs tests. One pipeline runs the whole chain there, so a deploy with nothing before
 * it that tests ships untested code. A pipeline that pulls jobs in from elsewhere (another project's include, a
 * template, a shared library) is unknown: its tests may be there.</li>
 * </ul>
 * A job runs tests when one of its steps does (steps of local composite actions included; commented-out code is not
 * a step) or a local reusable workflow it calls does.
 */
public final class UntestedProductionDeploysCheck implements Check {

    public static final String ID = "untested-production-deploys";

    /** CI systems where one pipeline runs the chain in stage order, so every test must stand before the deploy. */
    private static final Set<String> STAGED = Set.of("gitlab-ci", "jenkins");

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
        int unknown = 0;
        int failing = 0;
        List<Workflow> all = facts.get(PipelineFacts.class).workflows();
        for (Workflow w : all) {
            boolean staged = STAGED.contains(w.system());
            boolean github = "github-actions".equals(w.system());
            boolean release = github && releases(w);
            // a release publishes to a package registry: for a library that is production
            Predicate<Job> ships = j -> j.production() || release && graph.withCalled(j).stream()
                    .anyMatch(k -> k.has(StepRole.PUBLISH));
            boolean testsHere = w.jobs().stream().anyMatch(tests);
            // tests of other workflows that a release started by a tag or a published release does not wait for
            List<String> testedElsewhere = !release || testsHere ? List.of() : all.stream().filter(o -> o != w
                    && "github-actions".equals(o.system()) && o.jobs().stream().anyMatch(tests)).map(Workflow::path)
                    .toList();
            // GitHub Actions runs jobs in parallel unless 'needs' orders them; without tests there is nothing to wait
            // for, except in a release, which no branch's required status check covers
            if (!staged && (!github || !testsHere && testedElsewhere.isEmpty())) {
                continue;
            }
            Map<String, Job> byId = w.jobs().stream().collect(Collectors.toMap(Job::id, Function.identity(),
                    (a, b) -> a));
            List<Job> untested = new ArrayList<>();
            for (Job job : w.jobs()) {
                if (staged ? !job.production() : !ships.test(job)) {
                    continue;
                }
                if (!staged && !testsHere && graph.withCalled(job).stream().noneMatch(k -> k.has(StepRole.PUBLISH))) {
                    continue; // without tests of its own, only a release's publishing is judged
                }
                if (staged && !w.imports().isEmpty() && !waitsForTests(job, byId, tests)) {
                    unknown++; // the jobs or stages pulled in from elsewhere may test
                    continue;
                }
                judged++;
                if (waitsForTests(job, byId, tests)) {
                    continue;
                }
                if (staged) {
                    untested.add(job);
                    continue;
                }
                failing++;
                String does = job.production() ? "deploys to production" : "publishes a release to a package"
                        + " registry";
                if (!testsHere) {
                    Trigger t = w.triggers().stream().filter(x -> RELEASE_EVENTS.contains(x.event())).findFirst()
                            .orElseThrow();
                    findings.add(settings.fail("Job '" + job.name() + "' " + does + " on " + describe(t)
                            + " without any test of the released commit: the workflow runs no tests and does not"
                            + " wait for those of " + String.join(", ", testedElsewhere) + ", so a tag on a commit"
                            + " whose tests failed or never ran is released all the same.", w.path() + "#"
                            + job.id(), List.of(Evidence.line(job.at().path(), job.at().line()).withNote("needs: "
                                    + (job.needs().isEmpty() ? "nothing" : String.join(", ", job.needs()))),
                                    Evidence.line(t.at().path(), t.at().line()).withNote("on: " + t.event()))));
                    continue;
                }
                List<String> testJobs = w.jobs().stream().filter(tests).map(Job::id).toList();
                findings.add(settings.fail("Job '" + job.name() + "' " + does + " without waiting for"
                        + " the tests of " + String.join(", ", testJobs) + " in the same workflow: both start"
                        + " together, so a change that fails its tests still reaches production.",
                        w.path() + "#" + job.id(), List.of(Evidence.line(job.at().path(), job.at().line())
                                .withNote("needs: " + (job.needs().isEmpty() ? "nothing" : String.join(", ",
                                        job.needs()))))));
            }
            failing += untested.size();
            if (!untested.isEmpty()) {
                // one pipeline, one root cause: no test stands before production; its deploy jobs are the places
                boolean jenkins = "jenkins".equals(w.system());
                String unit = jenkins ? "stage" : "job";
                findings.add(settings.fail((jenkins ? "The Jenkinsfile " : "The pipeline ") + w.path()
                        + " deploys to production in " + Words.plural(untested.size(), unit, unit + "s") + " ("
                        + String.join(", ", untested.stream().map(Job::name).toList()) + ") with no " + unit
                        + " before " + Words.noun(untested.size(), "it", "them") + " that runs tests: a change that"
                        + " breaks is found in production, not in the pipeline.", w.path(),
                        untested.stream().map(UntestedProductionDeploysCheck::needs).toList()));
            }
        }
        String unknownNote = unknown == 0 ? "" : "; unknown for " + unknown + ", whose pipelines pull in jobs from"
                + " elsewhere";
        if (judged == 0) {
            return Judgement.inapplicable(unknown > 0 ? "unknown: " + Words.plural(unknown, "production deploy job",
                    "production deploy jobs") + " in pipelines that pull in jobs from elsewhere, where the tests may"
                    + " be" : "no GitHub Actions workflow both runs tests and deploys to production, and no GitLab"
                    + " or Jenkins pipeline deploys to production");
        }
        // a pipeline's finding lists all its untested deploy jobs: each of them counts as failing
        return Judgement.of(findings, judged, failing + " of "
                + Words.plural(judged, "production deploy job", "production deploy jobs") + " "
                + Words.noun(failing, "does", "do") + " not wait for tests" + unknownNote).lost(failing);
    }

    /** Events by which a workflow releases what it builds: a published GitHub release or a pushed tag. */
    private static final Set<String> RELEASE_EVENTS = Set.of("release", "tag");

    /** Started by a release or a tag, and not by the completion of another workflow (which may be the tests). */
    private static boolean releases(Workflow w) {
        return w.triggers().stream().anyMatch(t -> RELEASE_EVENTS.contains(t.event()))
                && !w.triggeredBy("workflow_run");
    }

    private static String describe(Trigger t) {
        return "release".equals(t.event()) ? "a published release" : "a pushed tag";
    }

    private static Evidence needs(Job job) {
        return Evidence.line(job.at().path(), job.at().line()).withNote(job.name() + (job.stage() == null ? ""
                : " (stage " + job.stage() + ")") + " needs: " + (job.needs().isEmpty() ? "nothing"
                        : String.join(", ", job.needs())));
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
