package io.github.devopsassess.facts.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * One pipeline: a GitHub workflow file, a GitLab CI configuration with its includes, a Jenkinsfile, an Azure
 * pipeline or one CircleCI workflow.
 *
 * @param system CI system id, as in {@link PipelineDefinition}
 * @param path the file that defines it (for CircleCI, the config file)
 * @param name the workflow name
 * @param triggers what starts it
 * @param permissions top-level GitHub permissions, or {@code null} when absent
 * @param jobs its jobs in file order
 * @param opaque why its behaviour cannot be read (scripted Jenkinsfile, shared library), or {@code null}
 */
public record Workflow(String system, String path, String name, List<Trigger> triggers, Permissions permissions,
        List<Job> jobs, String opaque) {

    public Workflow {
        triggers = List.copyOf(triggers);
        jobs = List.copyOf(jobs);
    }

    public Optional<Job> job(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** Only callable from other workflows ({@code on: workflow_call} and nothing else). */
    public boolean reusableOnly() {
        return !triggers.isEmpty() && triggers.stream().allMatch(t -> "workflow_call".equals(t.event()));
    }

    public boolean triggeredBy(String event) {
        return triggers.stream().anyMatch(t -> t.event().equals(event));
    }
}
