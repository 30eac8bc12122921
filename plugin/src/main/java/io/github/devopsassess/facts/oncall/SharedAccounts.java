package io.github.devopsassess.facts.oncall;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises shared accounts that stand in for people ("Modernisation Platform Team", "oncall@example.com"): a
 * rotation of one such account looks staffed but pages whoever happens to read the shared inbox.
 */
public final class SharedAccounts {

    private static final Pattern SHARED = Pattern.compile(
            "(^|[^a-z])(team|group|shared|oncall|on-call|on_call|rota|support|platform|ops|devops|sre|alerts?|"
                    + "noreply|no-reply|admin)([^a-z]|$)");

    private SharedAccounts() {
    }

    public static boolean looksShared(String nameOrId) {
        return nameOrId != null && SHARED.matcher(nameOrId.toLowerCase(Locale.ROOT)).find();
    }
}
