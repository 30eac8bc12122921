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
 * @param opaque why its process cannot be read here (a scripted Jenkinsfile, a Jenkinsfile made only of a
 *     shared-library call, a GitLab configuration made only of other projects' includes), with the file and line
 *     that show it, or {@code null}
 * @param imports what it pulls in as a whole from outside this repository and so cannot be seen here: GitLab
 *     {@code include}s of another project, a template, a remote URL or a component, and Jenkins shared libraries,
 *     each with the ref it is pinned to
 */
public record Workflow(String system, String path, String name, List<Trigger> triggers, Permissions permissions,
        List<Job> jobs, String opaque, List<Reference> imports) {

    public Workflow {
        triggers = List.copyOf(triggers);
        jobs = List.copyOf(jobs);
        imports = List.copyOf(imports);
    }

    /** A workflow that pulls nothing in from outside. */
    public Workflow(String system, String path, String name, List<Trigger> triggers, Permissions permissions,
            List<Job> jobs, String opaque) {
        this(system, path, name, triggers, permissions, jobs, opaque, List.of());
    }

    /** Nothing of its process can be judged here: it has no readable job and says why. */
    public boolean opaqueOnly() {
        return opaque != null && jobs.isEmpty();
    }

    public Optional<Job> job(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** Only callable from other workflows ({@code on: workflow_call} and nothing else). */
    public boolean reusableOnly() {
        return !triggers.isEmpty() && triggers.stream().allMatch(t -> "workflow_call".equals(t.event()));
    }

    public boolean triggeredBy(String event) {
        return trigger(event).isPresent();
    }

    /** The first trigger of this event, as written. */
    public Optional<Trigger> trigger(String event) {
        return triggers.stream().filter(t -> t.event().equals(event)).findFirst();
    }
}
