package io.github.devopsassess.facts.environment;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * What lets production workloads heal or roll back by themselves: the liveness and readiness probes of the
 * Deployments, StatefulSets and Rollouts of production Helm charts, kustomize overlays and manifest folders, and the
 * {@code --atomic}/{@code --wait} of the Helm releases that production deploy steps make.
 *
 * @param workloads containers of production workloads read, with or without probes
 * @param unhealed per chart, overlay or manifest folder, the containers without a liveness or a readiness probe
 * @param releases production Helm releases read ({@code helm upgrade}, {@code helm install}, {@code helmfile apply})
 * @param unguarded the releases that neither roll back nor wait ({@code --atomic}, {@code --wait},
 *     {@code atomic: true}, {@code wait: true})
 * @param responses automated responses seen ({@code path:line — what}): Argo CD automated sync with selfHeal, Argo
 *     Rollouts and Flagger analysis that aborts a bad rollout
 * @param unknown what could not be read, with why (a chart from a remote repository, a remote kustomize base)
 */
public record WorkloadResponses(int workloads, List<Group> unhealed, int releases, List<Release> unguarded,
        List<String> responses, List<String> unknown) implements Input {

    public WorkloadResponses {
        unhealed = List.copyOf(unhealed);
        unguarded = List.copyOf(unguarded);
        responses = List.copyOf(responses);
        unknown = List.copyOf(unknown);
    }

    /**
     * The production workloads of one chart, overlay or manifest folder that lack probes.
     *
     * @param system {@code helm}, {@code kustomize} or {@code manifests}
     * @param folder the chart's, overlay's or manifest folder's path
     * @param production the file that makes it production (a production values file, the overlay's kustomization)
     * @param containers the containers without a probe
     */
    public record Group(String system, String folder, String production, List<Container> containers) {

        public Group {
            containers = List.copyOf(containers);
        }
    }

    /**
     * A container of a workload.
     *
     * @param workload {@code Deployment/api}, or the kind and template file of a chart
     * @param container the container's name
     * @param path where the container is defined
     * @param line the line of the container
     * @param liveness whether a liveness probe is defined (in the manifest, a patch, the template or the values)
     * @param readiness whether a readiness probe is defined, or the container serves no port (no traffic to hold back)
     */
    public record Container(String workload, String container, String path, int line, boolean liveness,
            boolean readiness) {

        /** The probes it lacks, in words. */
        public String missing() {
            return !liveness && !readiness ? "no liveness or readiness probe" : !liveness ? "no liveness probe"
                    : "no readiness probe";
        }
    }

    /**
     * A Helm release that a production deploy step makes without {@code --atomic} or {@code --wait}.
     *
     * @param path the pipeline file
     * @param line the line of the command
     * @param command the command as written (trimmed)
     * @param job the job's name
     */
    public record Release(String path, int line, String command, String job) {
    }

    @Override
    public Optional<String> unusable() {
        return workloads == 0 && releases == 0 ? Optional.of("no production Kubernetes workload (a Deployment or"
                + " StatefulSet of a production Helm chart, kustomize overlay or manifest folder) and no Helm release"
                + " in a production deploy step was found" + (unknown.isEmpty() ? "" : "; unknown: "
                        + String.join("; ", unknown))) : Optional.empty();
    }
}
