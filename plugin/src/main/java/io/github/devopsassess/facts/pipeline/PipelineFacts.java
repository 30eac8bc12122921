package io.github.devopsassess.facts.pipeline;

import io.github.devopsassess.facts.Input;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CI definitions found for the assessed folder and what they do.
 *
 * @param definitions every definition file, sorted by path
 * @param searched human description of where the scanner looked, for "none found" messages
 * @param workflows the pipelines read from them (unreadable files have none), sorted by path
 * @param dependencyUpdates paths of Dependabot or Renovate configurations
 * @param settingsAsCode paths of repository settings kept as code ({@code .github/settings.yml}), which make
 *     environment protection verifiable
 * @param protectedEnvironments environment names that settings-as-code protects with reviewers
 * @param missing local files a pipeline names that are not in the repository: a composite action
 *     ({@code uses: ./.github/actions/x}, kind {@code local-action}), a reusable workflow ({@code local-workflow}) or
 *     a GitLab {@code include: local} ({@code local-include}); {@link Reference#ref()} is the path as written and
 *     {@link Reference#at()} the line that names it
 */
public record PipelineFacts(List<PipelineDefinition> definitions, List<String> searched, List<Workflow> workflows,
        List<String> dependencyUpdates, List<String> settingsAsCode, List<String> protectedEnvironments,
        List<Reference> missing) implements Input {

    public PipelineFacts {
        definitions = List.copyOf(definitions);
        searched = List.copyOf(searched);
        workflows = List.copyOf(workflows);
        dependencyUpdates = List.copyOf(dependencyUpdates);
        settingsAsCode = List.copyOf(settingsAsCode);
        protectedEnvironments = List.copyOf(protectedEnvironments);
        missing = List.copyOf(missing);
    }

    /** Pipelines whose named local files are all there. */
    public PipelineFacts(List<PipelineDefinition> definitions, List<String> searched, List<Workflow> workflows,
            List<String> dependencyUpdates, List<String> settingsAsCode, List<String> protectedEnvironments) {
        this(definitions, searched, workflows, dependencyUpdates, settingsAsCode, protectedEnvironments, List.of());
    }

    /** Only the definition files, as the foundation scanner produced them. */
    public PipelineFacts(List<PipelineDefinition> definitions, List<String> searched) {
        this(definitions, searched, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Workflow> workflow(String path) {
        return workflows.stream().filter(w -> w.path().equals(path)).findFirst();
    }

    /** Every job of every workflow, in the order of the workflows. */
    public List<Job> jobs() {
        return workflows.stream().flatMap(w -> w.jobs().stream()).toList();
    }

    /** Workflows that run on their own (reusable-only workflows are reached through their callers). */
    public List<Workflow> entryWorkflows() {
        return workflows.stream().filter(w -> !w.reusableOnly()).toList();
    }

    /**
     * Without a readable pipeline no pipeline check can say anything (pipeline-defined judges the absence); nor when
     * every pipeline is opaque (a scripted Jenkinsfile, one that only calls a shared library, a GitLab file of other
     * projects' includes): "no gate" or "no test" would be a guess.
     */
    @Override
    public Optional<String> unusable() {
        if (workflows.isEmpty()) {
            return Optional.of("no readable pipeline definition");
        }
        if (workflows.stream().allMatch(Workflow::opaqueOnly)) {
            return Optional.of("unknown: the pipelines cannot be read here ("
                    + workflows.stream().map(Workflow::opaque).collect(Collectors.joining("; ")) + ")");
        }
        return Optional.empty();
    }
}
