package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * One job of a workflow (a GitHub job, a GitLab job, a Jenkins stage, an Azure job or a CircleCI workflow job).
 *
 * @param id the job's key, unique in its workflow
 * @param name display name ({@code id} when it has none)
 * @param at where the job is defined
 * @param stage GitLab/Azure stage, or {@code null}
 * @param needs ids of the jobs that must finish first, explicit or implied by stage order
 * @param condition {@code if:}, {@code only:}/{@code rules} summary or branch filter, or {@code null}
 * @param environment the deployment environment it declares, or {@code null}
 * @param gates manual gates on this job
 * @param steps its steps, in order
 * @param references actions, reusable workflows, orbs and images it pulls in
 * @param failureIgnored where the whole job is allowed to fail ({@code continue-on-error}, {@code allow_failure}),
 *     or {@code null}
 * @param calls repository path of a local reusable workflow it calls, or {@code null}
 * @param secretsInherit where it passes {@code secrets: inherit}, or {@code null}
 * @param permissions job-level {@code permissions}, or {@code null}
 * @param production whether it deploys to production (environment, tier or name matches the production patterns)
 */
public record Job(String id, String name, Location at, String stage, List<String> needs, String condition,
        Environment environment, List<ManualGate> gates, List<Step> steps, List<Reference> references,
        Location failureIgnored, String calls, Location secretsInherit, Permissions permissions,
        boolean production) {

    public Job {
        needs = List.copyOf(needs);
        gates = List.copyOf(gates);
        steps = List.copyOf(steps);
        references = List.copyOf(references);
    }

    public boolean has(StepRole role) {
        return steps.stream().anyMatch(s -> s.has(role));
    }

    /** Deploys (by a step, an environment or its name). */
    public boolean deploys() {
        return production || environment != null || has(StepRole.DEPLOY);
    }
}
