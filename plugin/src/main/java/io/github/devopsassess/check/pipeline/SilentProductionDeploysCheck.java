package io.github.devopsassess.check.pipeline;

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
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code silent-production-deploys}: a production deployment after which nobody is told on success — no chat
 * message, mail, deploy marker (Grafana annotation, Datadog event, GitHub deployment) or release with notes — in the
 * deploy job, a local reusable workflow it calls, any job that runs after it, or another production job of the same
 * run. Support learns about the change from customers. One finding per workflow, listing its silent jobs.
 *
 * <p>What the scanner already left out of "notifies": a message sent only on failure ({@code if: failure()}, GitLab
 * {@code when: on_failure}, Jenkins {@code post { failure { … } }}), a notification input switched off
 * ({@code slack_notification: 'false'}) and commented-out steps. A production job that deploys nothing (a smoke test
 * that reads the cluster) is not judged; a deploy through a reusable workflow of another repository that is not
 * given a notification input is unknown, since that workflow may announce it.
 *
 * <p>What counts as telling besides a message: a deployment the CI system records where the change is reviewed (a
 * GitHub Actions job with an {@code environment} shows "deployed to production" on its pull request and in the
 * repository's deployments; a GitLab environment and an Azure deployment job record it the same way), and, for a
 * workflow started by a tag or a published release, a release with notes that the repository writes
 * (release-please, release-drafter, semantic-release, {@code gh release create --notes} …): the release announces
 * what the deploy ships. A repository script the deploy step runs that posts to a chat is read by the scanner.
 */
public final class SilentProductionDeploysCheck extends PipelineCheck {

    public static final String ID = "silent-production-deploys";

    /** A job name that says it changes something; other production jobs must have a deploy step. */
    private static final Pattern DEPLOYS = Pattern.compile(
            "(?i)(deploy|release|apply|publish|rollout|promot|ship|install|upgrade|rollback|roll-back)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        PipelineGraph graph = new PipelineGraph(pipelines);
        List<PipelineGraph.Placed> prod = graph.productionJobs();
        if (prod.isEmpty()) {
            return Judgement.inapplicable("no production deployment found in the pipelines");
        }
        boolean releasesWithNotes = pipelines.workflows().stream().flatMap(w -> w.jobs().stream())
                .anyMatch(j -> j.has(StepRole.RELEASE_NOTES));
        Map<Workflow, List<Job>> silent = new LinkedHashMap<>();
        List<String> recorded = new ArrayList<>();
        List<String> released = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        List<String> notDeploying = new ArrayList<>();
        int judged = 0;
        for (PipelineGraph.Placed p : prod) {
            if (!deploys(graph, p.job())) {
                notDeploying.add(p.job().name());
                continue;
            }
            List<Job> reach = new ArrayList<>(graph.withCalled(p.job()));
            for (Job after : PipelineGraph.descendants(p.workflow(), p.job())) {
                reach.addAll(graph.withCalled(after));
            }
            // One announcement per release run is enough: another production job of the run may send it.
            for (Job sibling : p.workflow().jobs()) {
                if (sibling.production()) {
                    reach.addAll(graph.withCalled(sibling));
                }
            }
            if (reach.stream().anyMatch(SilentProductionDeploysCheck::tells)) {
                judged++;
                continue;
            }
            if (graph.withCalled(p.job()).stream().anyMatch(j -> recordsDeployment(p.workflow(), j))) {
                judged++;
                recorded.add(p.job().name());
                continue;
            }
            if (releasesWithNotes && (p.workflow().triggeredBy("tag") || p.workflow().triggeredBy("release"))) {
                judged++;
                released.add(p.job().name());
                continue;
            }
            // a deploy through another repository's workflow (this job's or another production job's of the run)
            // may be announced there; a later job's remote workflow is no announcement of this deploy
            if (callsRemoteWorkflow(p.job()) || p.workflow().jobs().stream().anyMatch(j -> j.production()
                    && callsRemoteWorkflow(j))) {
                remote.add(p.job().name());
                continue;
            }
            judged++;
            silent.computeIfAbsent(p.workflow(), w -> new ArrayList<>()).add(p.job());
        }
        List<Finding> findings = new ArrayList<>();
        int silentJobs = 0;
        for (Map.Entry<Workflow, List<Job>> e : silent.entrySet()) {
            Workflow w = e.getKey();
            List<Job> jobs = e.getValue();
            silentJobs += jobs.size();
            List<Evidence> evidence = new ArrayList<>();
            for (Job j : jobs) {
                evidence.add(Evidence.line(j.at().path(), j.at().line()).withNote("production deploy job '"
                        + j.name() + "'"));
            }
            Trigger start = w.triggers().stream().filter(t -> !"workflow_call".equals(t.event())).findFirst()
                    .orElse(null);
            if ("github-actions".equals(w.system()) && start != null && start.at().path().equals(w.path())) {
                evidence.add(Evidence.line(start.at().path(), start.at().line()).withNote("runs on "
                        + String.join(", ", w.triggers().stream().map(Trigger::event).distinct().toList())));
            }
            String names = String.join(", ", jobs.stream().map(j -> "'" + j.name() + "'").toList());
            findings.add(settings.fail("'" + w.name() + "' deploys to production and tells nobody when it succeeds: "
                    + Words.plural(jobs.size(), "job", "jobs") + " " + names + " and the jobs after "
                    + (jobs.size() == 1 ? "it" : "them") + " send no chat message, mail, deploy marker or release"
                    + " notes and record no deployment (a message only on failure does not count).", subject(w), evidence));
        }
        StringBuilder summary = new StringBuilder(silentJobs + " of " + Words.plural(judged,
                "production deploy job", "production deploy jobs") + " " + Words.noun(silentJobs, "notifies",
                        "notify") + " no one on success");
        if (!recorded.isEmpty()) {
            summary.append("; ").append(String.join(", ", recorded.stream().map(n -> "'" + n + "'").toList()))
                    .append(" ").append(recorded.size() == 1 ? "records its deployment" : "record their deployments")
                    .append(" in the CI system's environment, which shows ").append(recorded.size() == 1 ? "it"
                            : "them").append(" on the change");
        }
        if (!released.isEmpty()) {
            summary.append("; ").append(String.join(", ", released.stream().map(n -> "'" + n + "'").toList()))
                    .append(" ").append(released.size() == 1 ? "deploys" : "deploy").append(" a tag or release"
                    + " that the repository publishes with release notes");
        }
        if (!remote.isEmpty()) {
            summary.append("; unknown for ").append(String.join(", ", remote.stream().map(n -> "'" + n + "'")
                    .toList())).append(", because ").append(remote.size() == 1 ? "it deploys" : "they deploy")
                    .append(" through a reusable workflow of another repository, which may announce the deploy");
        }
        if (!notDeploying.isEmpty()) {
            summary.append("; not judged: ").append(String.join(", ", notDeploying.stream().map(n -> "'" + n + "'")
                    .toList())).append(" (production ").append(notDeploying.size() == 1 ? "job" : "jobs")
                    .append(" with no deploy step, such as a smoke test)");
        }
        if (judged == 0 && findings.isEmpty()) {
            return Judgement.inapplicable("no production deploy job whose announcement can be judged here: "
                    + summary.substring(summary.indexOf(";") < 0 ? 0 : summary.indexOf(";") + 2));
        }
        return Judgement.of(findings, judged, summary.toString()).lost(silentJobs);
    }

    private static String subject(Workflow w) {
        return w.path() + (w.system().equals("circleci") ? "#" + w.name() : "");
    }

    /** Says on success that a change went out: a notification, a deploy marker or a release with notes. */
    private static boolean tells(Job job) {
        return job.has(StepRole.NOTIFY) || job.has(StepRole.RELEASE_NOTES);
    }

    /**
     * Records the deployment where the change is seen: a GitHub Actions job with an environment (the pull request and
     * the deployments page show it), a GitLab job that starts an environment, an Azure deployment job.
     */
    private static boolean recordsDeployment(Workflow w, Job job) {
        if (job.environment() == null || !Set.of("github-actions", "gitlab-ci", "azure-pipelines")
                .contains(w.system())) {
            return false;
        }
        String action = job.environment().action();
        return action == null || "start".equalsIgnoreCase(action);
    }

    private static boolean callsRemoteWorkflow(Job job) {
        return job.references().stream().anyMatch(r -> "reusable-workflow".equals(r.kind()));
    }

    /**
     * Changes production: a deploy step (in the job or its local reusable workflow), a reusable-workflow call, or a
     * name that says it deploys. An environment alone does not: a smoke test that reads the production cluster
     * declares it too.
     */
    private static boolean deploys(PipelineGraph graph, Job job) {
        return job.calls() != null || callsRemoteWorkflow(job) || DEPLOYS.matcher(job.id() + " " + job.name()).find()
                || graph.withCalled(job).stream().anyMatch(j -> j.has(StepRole.DEPLOY));
    }
}
