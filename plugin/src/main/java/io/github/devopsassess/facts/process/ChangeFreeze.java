package io.github.devopsassess.facts.process;

/**
 * A change freeze written down in the repository: a window in which changes may not be deployed.
 *
 * @param path repository-relative path
 * @param line 1-based line
 * @param kind what declares it: {@code gitlab_project_freeze_period}, {@code weekday condition},
 *     {@code GitLab deploy freeze} ({@code $CI_DEPLOY_FREEZE}) or {@code freeze window}
 * @param text the declaration as written (a cron window, the condition), shortened
 */
public record ChangeFreeze(String path, int line, String kind, String text) {
}
