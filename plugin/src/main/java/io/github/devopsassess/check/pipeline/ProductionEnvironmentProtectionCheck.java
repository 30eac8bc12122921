package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.Environment;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.PipelineGraph;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code production-environment-protection}: a production deploy job must declare a deployment environment (the
 * only place CI systems attach reviewers, branch rules and secrets scoping) or stand behind a blocking manual gate.
 * With an environment but no settings-as-code that protects it, whether anyone must approve is unverifiable from
 * the repository.
 */
public final class ProductionEnvironmentProtectionCheck extends PipelineCheck {

    public static final String ID = "production-environment-protection";

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
        List<Finding> findings = new ArrayList<>();
        // A job without an environment that runs after one already reported in the same workflow is the same gap
        // (one trigger, one run): it joins that finding as evidence instead of making another.
        Map<String, Unprotected> reported = new HashMap<>();
        Map<String, Unprotected> byCalled = new HashMap<>();
        List<Unprotected> unprotected = new ArrayList<>();
        Set<String> outside = new TreeSet<>();
        int unknown = 0;
        for (PipelineGraph.Placed p : prod) {
            Job job = p.job();
            Evidence at = Evidence.line(job.at().path(), job.at().line()).withNote(job.name());
            List<Environment> environments = graph.withCalled(job).stream().map(Job::environment)
                    .filter(e -> e != null).toList();
            boolean gated = graph.gatedForProduction(p.workflow(), job);
            if (environments.isEmpty()) {
                if (gated) {
                    continue; // a person approves before it runs, though no environment records who may
                }
                Optional<Reference> elsewhere = job.calls() != null ? Optional.empty()
                        : job.references().stream().filter(r -> r.kind().equals("reusable-workflow")
                                && !r.ref().startsWith("./")).findFirst();
                if (elsewhere.isPresent()) {
                    // The called workflow of another repository may declare 'environment: ${{ inputs.environment }}':
                    // whether it does is not in this repository.
                    outside.add(elsewhere.get().ref());
                    unknown++;
                    continue;
                }
                Unprotected earlier = PipelineGraph.ancestors(p.workflow(), job).stream()
                        .map(a -> reported.get(p.workflow().path() + "#" + a.id())).filter(u -> u != null)
                        .findFirst().orElse(null);
                if (earlier != null) {
                    // a job after a caller that joined another workflow's finding is named with its own workflow
                    boolean own = earlier.placed().workflow().path().equals(p.workflow().path());
                    earlier.after.add(own ? "'" + job.name() + "'" : "'" + job.name() + "' (" + job.at().path()
                            + ", after the deploy of its own run)");
                    earlier.evidence.add(at);
                    reported.put(p.workflow().path() + "#" + job.id(), earlier);
                    continue;
                }
                // Jobs of other workflows that deploy production through the same local reusable workflow without
                // an environment share one root cause: that workflow declares none. One finding lists them all.
                Unprotected sibling = job.calls() == null ? null : byCalled.get(job.calls());
                if (sibling != null) {
                    sibling.through.add("'" + job.name() + "' (" + job.at().path() + ")");
                    sibling.evidence.add(at);
                    reported.put(p.workflow().path() + "#" + job.id(), sibling);
                    continue;
                }
                Unprotected first = new Unprotected(p, job, new ArrayList<>(List.of(at)), new ArrayList<>(),
                        new ArrayList<>());
                unprotected.add(first);
                reported.put(p.workflow().path() + "#" + job.id(), first);
                if (job.calls() != null) {
                    byCalled.put(job.calls(), first);
                }
                continue;
            }
            boolean verified = environments.stream().anyMatch(e -> e.candidates().stream().anyMatch(c ->
                    pipelines.protectedEnvironments().contains(c.toLowerCase(Locale.ROOT))));
            if (!verified && !gated) {
                if (pipelines.settingsAsCode().isEmpty()) {
                    // An environment's reviewers are set in the platform's settings, which the repository does not
                    // show: unknown, not a finding (a senior engineer cannot sign "unprotected" from here).
                    unknown++;
                    continue;
                }
                Environment e = environments.get(0);
                findings.add(settings.warn("'" + job.name() + "' deploys to environment '" + e.name() + "', but the"
                        + " settings kept as code (" + String.join(", ", pipelines.settingsAsCode()) + ") give it no"
                        + " reviewers.", p.subject(), List.of(Evidence.line(e.at().path(), e.at().line())
                                .withNote("environment " + e.name()))));
            }
        }
        int lacking = findings.size();
        for (Unprotected u : unprotected) {
            lacking += u.evidence().size();
            Job job = u.job();
            String via = job.calls() != null ? " (neither it nor ./" + job.calls() + " declares one; an"
                    + " 'environment' input under 'with:' is only a parameter)" : "";
            String after = u.after().isEmpty() ? "" : ", and so " + Words.noun(u.after().size(), "does", "do")
                    + " " + String.join(", ", u.after()) + (u.after().stream().allMatch(n -> n.endsWith("'"))
                            ? " after it in the same run" : "");
            String through = u.through().isEmpty() ? "" : "; so " + Words.noun(u.through().size(), "does", "do")
                    + " " + String.join(", ", u.through()) + " through the same ./" + job.calls()
                    + ", one gap to close there";
            findings.add(settings.fail("'" + job.name() + "' deploys to production without a deployment"
                    + " environment" + via + after + through + ": anyone who can change the pipeline or start it can"
                    + " deploy.",
                    u.placed().subject(), List.copyOf(u.evidence())));
        }
        String why = (outside.isEmpty() ? "" : "they deploy through reusable workflows of other repositories ("
                + String.join(", ", outside) + "), which this repository does not show")
                + (outside.isEmpty() || unknown == outside.size() ? "" : ", or ")
                + (unknown > outside.size() ? "their environments' protection rules are platform settings"
                        + " that are not kept in the repository" : "");
        String unknownNote = unknown == 0 ? "" : "; unknown for " + unknown + ", because " + why;
        if (unknown == prod.size()) {
            return Judgement.inapplicable("unknown: " + Words.plural(unknown, "production deploy job",
                    "production deploy jobs") + ", because " + why);
        }
        return Judgement.of(findings, prod.size() - unknown, lacking + " of "
                + Words.plural(prod.size() - unknown, "production deploy job", "production deploy jobs") + " "
                + Words.noun(lacking, "lacks", "lack") + " verifiable protection" + unknownNote);
    }

    /**
     * A production job reported without an environment, with the jobs of its run that follow it without one and the
     * jobs of other workflows that deploy production through the same local reusable workflow.
     */
    private record Unprotected(PipelineGraph.Placed placed, Job job, List<Evidence> evidence, List<String> after,
            List<String> through) {
    }
}
