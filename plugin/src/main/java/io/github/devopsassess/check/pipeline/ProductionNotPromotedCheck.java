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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code production-not-promoted}: a pipeline run deploys a pre-production environment (staging, pre-production,
 * test, UAT, QA, development) and production, but production does not wait for the pre-production deploy, so a change
 * that breaks pre-production reaches production all the same.
 * <ul>
 * <li>A matrix whose environments include both (GitHub Actions {@code environment: ${{ matrix.environment }}} over
 * {@code [preproduction, production]}): the legs run in parallel.</li>
 * <li>Sibling jobs of one run (same condition, or a pre-production job with no condition) with no {@code needs:} or
 * stage order from the pre-production deploy to the production one.</li>
 * </ul>
 * A production job that needs, directly or through other jobs, a pre-production deploy is promoted and passes; so
 * does one a person must approve (a manual gate on its path), and one whose condition differs from every
 * pre-production deploy's (they may never run together). One finding per workflow, with the production jobs' lines.
 */
public final class ProductionNotPromotedCheck extends PipelineCheck {

    public static final String ID = "production-not-promoted";

    /** Words of a name that mean a pre-production target (review apps, sandboxes and demos are not on the way). */
    private static final Set<String> PRE_PRODUCTION = Set.of("staging", "stage", "stg", "qa", "test", "testing", "uat",
            "preprod", "preproduction", "nonprod", "dev", "development", "integration");

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        PipelineGraph graph = new PipelineGraph(pipelines);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        int failing = 0;
        for (Workflow w : pipelines.entryWorkflows()) {
            List<Job> preProduction = w.jobs().stream().filter(j -> !j.production() && preProduction(graph, j))
                    .toList();
            List<Evidence> places = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Job prod : w.jobs()) {
                if (!prod.production() || !deploys(graph, prod)) {
                    continue;
                }
                List<String> matrix = matrixPreProduction(prod);
                List<Job> together = preProduction.stream().filter(n -> runTogether(n, prod)).toList();
                if (matrix.isEmpty() && together.isEmpty()) {
                    continue; // no pre-production deploy in the same run
                }
                judged++;
                if (graph.gatedForProduction(w, prod)) {
                    continue; // a person decides when production follows
                }
                if (!matrix.isEmpty()) {
                    names.add("'" + prod.name() + "' (one matrix with " + String.join(", ", matrix) + ")");
                    places.add(Evidence.line(prod.at().path(), prod.at().line()).withNote("matrix of "
                            + String.join(", ", prod.environment().candidates()) + ": the legs run in parallel"));
                    continue;
                }
                List<Job> before = PipelineGraph.ancestors(w, prod);
                if (before.stream().anyMatch(preProduction::contains)) {
                    continue; // promoted: production waits for a pre-production deploy
                }
                names.add("'" + prod.name() + "' (beside " + String.join(", ", together.stream().map(Job::name)
                        .toList()) + ")");
                places.add(Evidence.line(prod.at().path(), prod.at().line()).withNote(prod.name() + " needs: "
                        + (prod.needs().isEmpty() ? "nothing" : String.join(", ", prod.needs()))));
            }
            if (!places.isEmpty()) {
                failing += places.size();
                findings.add(settings.fail("The pipeline " + w.path() + " deploys production in "
                        + String.join("; ", names) + " without waiting for the pre-production deploy of the same run:"
                        + " a change that breaks pre-production still reaches production, so pre-production gates"
                        + " nothing.", w.path(), places));
            }
        }
        // workflows of one push: a production workflow and pre-production workflows that the same push starts
        for (Workflow w : pipelines.entryWorkflows()) {
            Trigger push = push(w);
            if (push == null || w.triggeredBy("workflow_run") || w.jobs().stream().anyMatch(j -> !j.production()
                    && preProduction(graph, j))) {
                continue;
            }
            List<Job> prod = w.jobs().stream().filter(j -> j.production() && deploys(graph, j)).toList();
            if (prod.isEmpty()) {
                continue;
            }
            List<Workflow> beside = pipelines.entryWorkflows().stream().filter(o -> o != w
                    && "github-actions".equals(o.system()) && !o.triggeredBy("workflow_run") && push(o) != null
                    && samePush(push, push(o)) && sameComponent(w.path(), o.path()) && o.jobs().stream().noneMatch(Job::production)
                    && o.jobs().stream().anyMatch(j -> preProduction(graph, j))).toList();
            if (beside.isEmpty()) {
                continue;
            }
            judged += prod.size();
            List<Job> ungated = prod.stream().filter(j -> !graph.gatedForProduction(w, j)).toList();
            if (ungated.isEmpty()) {
                continue;
            }
            failing += ungated.size();
            List<String> others = beside.stream().map(Workflow::path).toList();
            List<Evidence> places = new ArrayList<>();
            places.add(Evidence.line(push.at().path(), push.at().line()).withNote("on: push, as "
                    + String.join(", ", others)));
            ungated.forEach(j -> places.add(Evidence.line(j.at().path(), j.at().line()).withNote(j.name())));
            findings.add(settings.fail("The workflow " + w.path() + " deploys production on the same push that starts"
                    + " the pre-production deploys of " + String.join(", ", others) + ", and waits for none of them:"
                    + " a change that breaks pre-production still reaches production, so pre-production gates"
                    + " nothing.", w.path(), places));
        }
        if (judged == 0) {
            return Judgement.inapplicable("no pipeline run deploys both a pre-production environment and"
                    + " production");
        }
        return Judgement.of(findings, judged, failing + " of " + Words.plural(judged, "production deploy job",
                "production deploy jobs") + " that " + Words.noun(judged, "runs", "run") + " beside a pre-production"
                + " deploy " + Words.noun(failing, "does", "do") + " not wait for it").lost(failing);
    }

    /** Environment words that name the copies of one component's workflow ({@code core-vpc-production-…}). */
    private static final Pattern ENVIRONMENT_WORD = Pattern.compile("(?<=^|[-_.])(production|prod|prd|live"
            + "|pre-?production|pre-?prod|staging|stage|stg|qa|test|testing|uat|development|dev|sandbox|preview)"
            + "(?=$|[-_.])");

    /**
     * Whether two workflows deploy the same component: their file names are the same once the environment words
     * are taken out ({@code core-vpc-production-deployment.yml} and {@code core-vpc-preproduction-deployment.yml}),
     * or the pre-production one names nothing but its environment ({@code staging.yml}). Workflows of other
     * components that only share a module path or the reusable workflow they call do not promote each other.
     */
    static boolean sameComponent(String production, String preProduction) {
        String a = stem(production);
        String b = stem(preProduction);
        return b.isEmpty() || a.equals(b);
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT)
                .replaceFirst("\\.ya?ml$", "");
        String previous;
        do {
            previous = name;
            name = ENVIRONMENT_WORD.matcher(name).replaceAll("");
        } while (!name.equals(previous));
        return name.replaceAll("[-_.]+", "-").replaceAll("^-|-$", "");
    }

    private static Trigger push(Workflow w) {
        return "github-actions".equals(w.system()) ? w.trigger("push").orElse(null) : null;
    }

    /**
     * Whether one push starts both: the same branches (or no filter on either) and the same paths (no filter on
     * either, or a path pattern both name).
     */
    private static boolean samePush(Trigger a, Trigger b) {
        boolean branches = a.branches().isEmpty() && b.branches().isEmpty()
                || a.branches().stream().anyMatch(b.branches()::contains);
        boolean paths = a.paths().isEmpty() && b.paths().isEmpty() || a.paths().stream()
                .filter(p -> !p.startsWith("!")).anyMatch(b.paths()::contains);
        return branches && paths;
    }

    /** The pre-production environments of a production job's own matrix. */
    private static List<String> matrixPreProduction(Job job) {
        if (job.environment() == null || job.environment().candidates().size() < 2) {
            return List.of();
        }
        List<String> candidates = job.environment().candidates();
        List<String> pre = candidates.stream().filter(ProductionNotPromotedCheck::preProductionName).toList();
        if (job.environment().serial() && !pre.isEmpty()) {
            // legs one at a time, stopping at the first failure: promoted when every pre-production leg comes first
            int firstOther = 0;
            while (firstOther < candidates.size() && preProductionName(candidates.get(firstOther))) {
                firstOther++;
            }
            if (candidates.subList(firstOther, candidates.size()).stream().noneMatch(
                    ProductionNotPromotedCheck::preProductionName)) {
                return List.of();
            }
        }
        return pre;
    }

    /** Both can run in one run: the same condition, or none on the pre-production deploy. */
    private static boolean runTogether(Job preProduction, Job production) {
        return preProduction.condition() == null || Objects.equals(normal(preProduction.condition()),
                normal(production.condition()));
    }

    private static String normal(String condition) {
        return condition == null ? null : condition.replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether a production job deploys rather than only reads production (a smoke test that logs in with the
     * environment's credentials): its name, a deploy step, or a reusable workflow it hands the work to.
     */
    private static boolean deploys(PipelineGraph graph, Job job) {
        String names = (job.id() + " " + job.name()).toLowerCase(Locale.ROOT);
        return names.matches(".*(deploy|apply|release|rollout|promot|publish|upgrade|install|ship).*")
                || job.calls() != null || job.references().stream().anyMatch(r -> "reusable-workflow".equals(
                        r.kind())) || graph.withCalled(job).stream().anyMatch(k -> k.has(StepRole.DEPLOY));
    }

    /** A job that deploys to a pre-production target named by its environment or, failing one, its name. */
    private static boolean preProduction(PipelineGraph graph, Job job) {
        if (job.environment() != null && !job.environment().unresolved()) {
            return job.environment().candidates().stream().allMatch(ProductionNotPromotedCheck::preProductionName);
        }
        String names = (job.id() + " " + job.name()).toLowerCase(Locale.ROOT);
        boolean deploys = names.matches(".*(deploy|apply|release|rollout|promot).*")
                || !job.has(StepRole.TEST) && graph.withCalled(job).stream().anyMatch(k -> k.has(StepRole.DEPLOY)
                        || k.environment() != null);
        return deploys && (preProductionName(job.id()) || preProductionName(job.name()));
    }

    static boolean preProductionName(String name) {
        if (name == null) {
            return false;
        }
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        if (spaced.matches(".*\\bpre[-_ ]prod.*")) {
            return true;
        }
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (PRE_PRODUCTION.contains(word) || PRE_PRODUCTION.contains(word.replaceAll("\\d+$", ""))) {
                return true;
            }
        }
        return false;
    }
}
