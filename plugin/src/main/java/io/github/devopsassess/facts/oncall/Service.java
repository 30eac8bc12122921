package io.github.devopsassess.facts.oncall;

/**
 * Something that raises incidents and names who answers them.
 *
 * @param id stable id
 * @param name display name
 * @param vendor as in {@link Schedule#vendor()}
 * @param policyId the escalation policy's id, or {@code null} when the service names none
 * @param policyUnknown true when a policy is named but cannot be resolved from the files (not the same as none)
 * @param acknowledgementTimeoutDisabled true when an acknowledged incident never re-triggers
 * @param production whether it is a production service (declared, or named so)
 * @param place where it is defined
 */
public record Service(String id, String name, String vendor, String policyId, boolean policyUnknown,
        boolean acknowledgementTimeoutDisabled, boolean production, Place place) {
}
