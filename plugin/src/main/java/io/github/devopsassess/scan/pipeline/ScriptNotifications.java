package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.source.RepoTree;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a step's command runs a script of the repository that announces something: a script that posts to a Slack,
 * Teams, Discord, Mattermost or Telegram webhook or API, sends mail, or writes a deploy marker (a Grafana annotation,
 * a Datadog event, a New Relic deployment). Scripts are read from the tree being assessed, once each, and the scripts
 * they run in turn up to two levels down; a script that is not in the repository says nothing.
 */
final class ScriptNotifications {

    /** A script path in a command: {@code ./scripts/deploy.sh}, {@code bash ci/notify.sh}, {@code python x.py}. */
    private static final Pattern SCRIPT = Pattern.compile(
            "(?:^|[\\s;&|(\"'=])(?:\\$\\{?(?:GITHUB_WORKSPACE|CI_PROJECT_DIR|WORKSPACE|PWD)\\}?/|\\./)?"
                    + "([A-Za-z0-9_][A-Za-z0-9_.\\-/]*\\.(?:sh|bash|py|rb|js|mjs|ps1|groovy))(?=$|[\\s;&|)\"'])",
            Pattern.MULTILINE);
    /** What in a script tells people: a chat webhook or API, mail, a deploy marker. */
    private static final Pattern ANNOUNCES = Pattern.compile("(hooks\\.slack\\.com|slack_webhook|slack\\.com/api"
            + "|chat\\.postmessage|webhook\\.office\\.com|outlook\\.office\\.com/webhook|teams_webhook"
            + "|discord(app)?\\.com/api/webhooks|mattermost|api\\.telegram\\.org|\\bsendmail\\b|\\bmailx?\\s+-s\\b"
            + "|smtplib|/api/annotations|api/v1/events|/deployments\\.json|newrelic[^\\n]*deployment"
            + "|slack_sdk|slackclient|@slack/)");

    private final RepoTree tree;
    private final Map<String, Boolean> read = new HashMap<>();

    ScriptNotifications(RepoTree tree) {
        this.tree = tree;
    }

    /** Whether the command runs a repository script that announces something. */
    boolean notifies(String command) {
        return command != null && !command.isBlank() && notifies(command, 0);
    }

    private boolean notifies(String command, int depth) {
        Matcher m = SCRIPT.matcher(command);
        while (m.find()) {
            String path = m.group(1);
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            if (script(path, depth)) {
                return true;
            }
        }
        return false;
    }

    private boolean script(String path, int depth) {
        Boolean known = read.get(path);
        if (known != null) {
            return known;
        }
        read.put(path, false); // a script that runs itself is read once
        if (tree == null || !tree.isFile(path)) {
            return false;
        }
        RepoTree.TextRead text = tree.readText(path);
        if (!text.ok()) {
            return false;
        }
        boolean announces = ANNOUNCES.matcher(text.text().toLowerCase(Locale.ROOT)).find()
                || depth < 2 && notifies(text.text(), depth + 1);
        read.put(path, announces);
        return announces;
    }
}
