package io.github.devopsassess.facts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TriggerTest {

    /**
     * One list of the events an outsider fires while the workflow holds the base repository's token and secrets,
     * read by workflow-token-permissions and workflow-script-injection alike (a wiki edit, gollum, is one of them).
     */
    @Test
    void outsiderPrivilegedEventsAreThoseAForkOrAnyUserCanFireWithTheBaseToken() {
        assertThat(List.of("pull_request_target", "issue_comment", "issues", "workflow_run", "discussion",
                "discussion_comment", "gollum")).allMatch(Trigger::outsiderPrivileged);
        assertThat(List.of("push", "pull_request", "merge_group", "workflow_dispatch", "schedule", "workflow_call",
                "release")).noneMatch(Trigger::outsiderPrivileged);
        assertThat(new Trigger("issue_comment", null, List.of()).outsiderPrivileged()).isTrue();
        assertThat(new Trigger("pull_request", null, List.of()).outsiderPrivileged()).isFalse();
    }
}
