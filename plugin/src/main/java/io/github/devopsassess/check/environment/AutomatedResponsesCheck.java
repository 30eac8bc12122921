package io.github.devopsassess.check.environment;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.WorkloadResponses;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code automated-responses}: production workloads that cannot heal or roll back by themselves. One finding per
 * production Helm chart, kustomize overlay or manifest folder lists its containers without a liveness or readiness
 * probe (Kubernetes neither restarts a hung container nor keeps traffic from one that is not ready); one finding per
 * pipeline file lists the production Helm releases made without {@code --atomic} or {@code --wait} (a failed
 * upgrade stays half-applied and the job still passes). Argo CD self-healing and progressive delivery with analysis
 * are counted in the summary; charts and bases outside the repository are named as unknown.
 */
public final class AutomatedResponsesCheck implements Check {

    public static final String ID = "automated-responses";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(WorkloadResponses.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        WorkloadResponses w = facts.get(WorkloadResponses.class);
        List<Finding> findings = new ArrayList<>();
        int unhealed = 0;
        for (WorkloadResponses.Group g : w.unhealed()) {
            unhealed += g.containers().size();
            List<Evidence> evidence = g.containers().stream().map(c -> Evidence.line(c.path(), c.line())
                    .withNote(c.workload() + ", container " + c.container() + ": " + c.missing())).toList();
            List<String> names = g.containers().stream().map(c -> c.workload() + " (" + c.container() + ")")
                    .distinct().toList();
            String message = "The production " + system(g.system()) + " " + g.folder() + " (production from "
                    + g.production() + ") runs " + Words.plural(g.containers().size(), "container", "containers")
                    + " without a liveness probe, or without a readiness probe while serving a port: " + String.join(", ", names)
                    + ". Kubernetes neither restarts a hung container nor holds traffic back from one that is not"
                    + " ready, so a failure waits for a person.";
            findings.add(settings.fail(message, "automated-responses:" + g.system() + ":" + g.folder(), evidence));
        }
        Map<String, List<WorkloadResponses.Release>> byFile = new LinkedHashMap<>();
        w.unguarded().forEach(r -> byFile.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r));
        byFile.forEach((path, releases) -> {
            List<Evidence> evidence = releases.stream().map(r -> Evidence.line(r.path(), r.line())
                    .withNote("job " + r.job() + ": " + r.command())).toList();
            String message = path + " deploys to production with " + Words.plural(releases.size(),
                    "Helm release", "Helm releases") + " made without --atomic or --wait (jobs "
                    + String.join(", ", releases.stream().map(WorkloadResponses.Release::job).distinct().toList())
                    + "): a failed upgrade is left half-applied, the job still passes and nothing rolls back.";
            findings.add(settings.fail(message, "automated-responses:release:" + path, evidence));
        });
        int judged = w.workloads() + w.releases();
        List<String> parts = new ArrayList<>();
        parts.add(Words.plural(w.workloads(), "production container", "production containers") + ", "
                + unhealed + " without probes; " + Words.plural(w.releases(), "production Helm release",
                        "production Helm releases") + ", " + w.unguarded().size() + " without --atomic or --wait");
        if (!w.responses().isEmpty()) {
            parts.add(Words.plural(w.responses().size(), "automated response", "automated responses")
                    + " seen (Argo CD selfHeal, rollout analysis), e.g. " + w.responses().get(0));
        }
        if (!w.unknown().isEmpty()) {
            parts.add("unknown: " + String.join("; ", w.unknown().subList(0, Math.min(3, w.unknown().size())))
                    + (w.unknown().size() > 3 ? "; and " + (w.unknown().size() - 3) + " more" : ""));
        }
        String summary = String.join("; ", parts);
        if (findings.isEmpty()) {
            return Judgement.clean(judged, summary);
        }
        return Judgement.of(findings, judged, summary).lost(Math.min(judged, unhealed + w.unguarded().size()));
    }

    private static String system(String system) {
        return switch (system) {
            case "helm" -> "Helm chart";
            case "kustomize" -> "kustomize overlay";
            case "manifests" -> "manifest folder";
            default -> system;
        };
    }
}
