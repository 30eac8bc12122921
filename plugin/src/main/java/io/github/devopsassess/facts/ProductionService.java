package io.github.devopsassess.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * What shows that the project runs a service in production, derived by the analysis stage: a pipeline job that
 * deploys there, an on-call configuration, or deploy markers the team configured ({@code devops.deployMarkers}: it
 * says which commits deploy). Delivery metrics (DORA) and postmortems are about a running service; a library, a
 * template or a demo has releases and users' incidents, not its own.
 *
 * @param deployJob {@code path:line — job 'name' deploys to production} of such a job, or {@code null}
 * @param onCallFile the first on-call configuration file, or {@code null}
 * @param deployMarkers the configured deploy-marker pattern, or {@code null}
 */
@Missing("nothing shows that the project runs a service in production (no job deploys to production, no on-call"
        + " configuration, no devops.deployMarkers naming its deploy commits), and delivery metrics and postmortems"
        + " are about a running service")
public record ProductionService(String deployJob, String onCallFile, String deployMarkers) {

    /** One line naming what was seen, e.g. for a summary. */
    public String seen() {
        List<String> parts = new ArrayList<>();
        if (deployJob != null) {
            parts.add(deployJob);
        }
        if (onCallFile != null) {
            parts.add("on-call is configured in " + onCallFile);
        }
        if (deployMarkers != null) {
            parts.add("devops.deployMarkers names deploy commits");
        }
        return String.join(" and ", parts);
    }
}
