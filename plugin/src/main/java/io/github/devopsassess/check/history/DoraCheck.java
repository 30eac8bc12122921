package io.github.devopsassess.check.history;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ProductionService;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DORA delivery metric: it reads the history of a project that runs a service in production. A library, a
 * template or a demo releases to its users and has no deployment of its own to measure. A project whose production
 * deploys run on pushes to a release branch ({@code only: [stable]}) deploys by merging into that branch, which
 * release tags do not count: there the metric is unknown until deploy markers name those merges.
 */
abstract class DoraCheck extends HistoryCheck {

    /** Branch names that are the mainline itself, not a separate release branch. */
    private static final Set<String> MAINLINE = Set.of("main", "master", "trunk", "develop", "development",
            "$ci_default_branch", "default");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern ONLY = Pattern.compile("only: ([^|]+)");
    private static final Pattern COMPARED = Pattern.compile(
            "\\$CI_COMMIT_(?:BRANCH|REF_NAME)\\s*==\\s*[\"']([^\"']+)[\"']|github\\.ref\\s*==\\s*'refs/heads/([^']+)'");

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, ProductionService.class);
    }

    @Override
    protected final Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        Optional<String> branch = deploysFromReleaseBranch(history, facts);
        if (branch.isPresent()) {
            return Judgement.inapplicable(branch.get());
        }
        return measure(history, facts, settings);
    }

    /** The metric over release tags and deploy-marker commits. */
    protected abstract Judgement measure(HistoryFacts history, Facts facts, CheckSettings settings);

    /**
     * Why tags cannot measure this project's deployments: every production deploy job runs only on a branch other
     * than the mainline, and no deploy markers are configured.
     */
    static Optional<String> deploysFromReleaseBranch(HistoryFacts history, Facts facts) {
        if (history.deployMarkers() != null) {
            return Optional.empty();
        }
        Optional<PipelineFacts> pipelines = facts.find(PipelineFacts.class);
        if (pipelines.isEmpty()) {
            return Optional.empty();
        }
        List<PipelineGraph.Placed> prod = new PipelineGraph(pipelines.get()).productionJobs();
        if (prod.isEmpty()) {
            return Optional.empty();
        }
        Set<String> branches = new TreeSet<>();
        List<String> where = new ArrayList<>();
        for (PipelineGraph.Placed p : prod) {
            List<String> only = releaseBranches(p.job());
            if (only.isEmpty()) {
                return Optional.empty();
            }
            branches.addAll(only);
            where.add(p.job().at().path() + ":" + p.job().at().line());
        }
        String first = branches.iterator().next();
        return Optional.of("unknown: production deploys run on pushes to '" + String.join("', '", branches) + "' ("
                + String.join(", ", where.stream().distinct().limit(3).toList()) + "), not on release tags, so tags"
                + " do not count its deployments; set devops.deployMarkers to the subject of the merges into that"
                + " branch (for example 'Merge branch .* into " + first + "') to measure them");
    }

    /** The non-mainline branches a job is limited to, or empty when it also runs elsewhere or on tags. */
    static List<String> releaseBranches(Job job) {
        String condition = job.condition();
        if (condition == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : condition.split("\\|\\|")) {
            List<String> names = new ArrayList<>();
            Matcher only = ONLY.matcher(part.strip());
            if (only.matches()) {
                for (String name : only.group(1).split(",")) {
                    names.add(name.strip());
                }
            } else {
                Matcher compared = COMPARED.matcher(part);
                if (!compared.find()) {
                    return List.of();
                }
                names.add(compared.group(1) != null ? compared.group(1) : compared.group(2));
            }
            for (String name : names) {
                if (!BRANCH.matcher(name).matches() || MAINLINE.contains(name.toLowerCase(Locale.ROOT))
                        || name.equals("tags") || name.equals("branches")) {
                    return List.of();
                }
                out.add(name);
            }
        }
        return out;
    }
}
