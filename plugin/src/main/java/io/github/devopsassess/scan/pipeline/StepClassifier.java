package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.StepRole;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells what a step does from its name, the action it uses and its command. Deliberately simple word patterns:
 * a step named "Notify Slack" or running {@code helm rollback} says what it does in words a person chose.
 */
final class StepClassifier {

    private static final Pattern TEST = Pattern.compile(
            "\\b(tests?|testing|verify|rspec|pytest|jest|junit|mocha|go test|npm test|yarn test|gradle\\w* (check|test)"
                    + "|integration-test|e2e|spec)\\b");
    private static final Pattern DEPLOY = Pattern.compile(
            "\\b(deploy\\w*|helm (upgrade|install)|kubectl (apply|set image|rollout restart)|terraform apply"
                    + "|cf push|eb deploy|ansible-playbook|gcloud run deploy|az webapp|kustomize build|argocd app sync"
                    + "|sam deploy|cdk deploy|fly deploy|serverless deploy)\\b");
    private static final Pattern ROLLBACK = Pattern.compile(
            "\\b(roll ?back\\w*|roll-back|rollout undo|undeploy|revert\\w*|stop[_ -]\\w*environment|restore previous)\\b");
    private static final Pattern NOTIFY = Pattern.compile(
            "(slack|notif\\w*|\\bteams\\b|mattermost|discord|\\bmail\\b|e-?mail|sendgrid|pagerduty|opsgenie|statuspage"
                    + "|announce|\\bsns publish|webhook|chat\\.postmessage|telegram"
                    // deploy markers where the team looks: Grafana annotations, Datadog events, New Relic markers,
                    // GitHub deployments
                    + "|grafana-annotation|/api/annotations|datadog-event|/api/v1/events|dogapi|deployment-marker"
                    + "|chrnorm/deployment-action|bobheadxi/deployments|/deployments\\b|send-mail|\\bsendmail\\b"
                    + "|\\bmailx?\\b"
                    // a release people can watch
                    + "|gh release create|action-gh-release|actions/create-release|ncipollo/release-action)");
    private static final Pattern RELEASE_NOTES = Pattern.compile(
            "(release-please|release-drafter|changesets/action|\\bchangeset (version|publish)|semantic-release"
                    + "|--generate-notes|generate_release_notes|generatereleasenotes|git[- ]cliff|goreleaser"
                    + "|jreleaser|towncrier|conventional-changelog|standard-version|release-changelog-builder"
                    + "|gh release create[^\\n]*(--notes|\\s-n\\s|--notes-file|\\s-f\\s)"
                    + "|gitlab release with description|release-cli create[^\\n]*--description)");
    private static final Pattern RELEASE = Pattern.compile(
            "(changelog|release-drafter|gh release|action-gh-release|create-release|semantic-release|release-please"
                    + "|jreleaser|release:perform|git tag|\\brelease notes?\\b|goreleaser)");
    private static final Pattern PUBLISH = Pattern.compile(
            "(pypa/gh-action-pypi-publish|\\btwine upload\\b|\\b(npm|yarn|pnpm) publish\\b|\\bcargo publish\\b"
                    + "|\\bgem push\\b|\\b(poetry|uv|flit|hatch) publish\\b|\\bnuget push\\b"
                    + "|publishtosonatype|publishplugins|central-publishing|nexus-staging|release:perform"
                    + "|rubygems/release-gem|js-devtools/npm-publish|katyo/publish-crates)");
    private static final Pattern SKIPS_TESTS = Pattern.compile(
            "(-dskiptests(?!=false)\\b|-dmaven\\.test\\.skip(?!=false)\\b|--no-verify\\b|-x\\s+test\\b"
                    + "|-dskipits(?!=false)\\b|--skip-tests\\b|skip_tests=(1|true)\\b)");
    private static final Pattern IGNORES_FAILURE = Pattern.compile("(\\|\\|\\s*true\\b|\\|\\|\\s*:\\s*$|set \\+e\\b)",
            Pattern.MULTILINE);

    private StepClassifier() {
    }

    static Set<StepRole> roles(String name, String uses, String text) {
        String all = ((name == null ? "" : name) + "\n" + (uses == null ? "" : uses) + "\n"
                + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
        Set<StepRole> roles = EnumSet.noneOf(StepRole.class);
        if (SKIPS_TESTS.matcher(all).find()) {
            roles.add(StepRole.SKIPS_TESTS);
        }
        if (TEST.matcher(all).find()) {
            roles.add(StepRole.TEST);
        }
        if (DEPLOY.matcher(all).find()) {
            roles.add(StepRole.DEPLOY);
        }
        if (ROLLBACK.matcher(all).find()) {
            roles.add(StepRole.ROLLBACK);
        }
        if (NOTIFY.matcher(all).find()) {
            roles.add(StepRole.NOTIFY);
        }
        if (RELEASE.matcher(all).find()) {
            roles.add(StepRole.RELEASE);
        }
        if (PUBLISH.matcher(all).find()) {
            roles.add(StepRole.PUBLISH);
        }
        if (RELEASE_NOTES.matcher(all).find()) {
            roles.add(StepRole.RELEASE_NOTES);
        }
        return roles;
    }

    /** Shell idioms that swallow a command's failure. */
    static boolean ignoresFailure(String text) {
        return text != null && IGNORES_FAILURE.matcher(text).find();
    }

    /** The first line of a command, shortened, to name an unnamed step. */
    static String shortName(String text) {
        if (text == null || text.isBlank()) {
            return "step";
        }
        String first = text.strip().lines().findFirst().orElse("").strip();
        return first.length() > 60 ? first.substring(0, 57) + "..." : first;
    }
}
