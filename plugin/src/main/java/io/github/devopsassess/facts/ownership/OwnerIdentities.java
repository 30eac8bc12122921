package io.github.devopsassess.facts.ownership;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.ownership.Owner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the people of git history behind a CODEOWNERS owner, simply enough to explain in one sentence: an e-mail
 * owner matches that e-mail; {@code @handle} matches an e-mail whose local part is the handle (GitHub's
 * {@code 123+handle@users.noreply.github.com} included) or an author name that equals the handle once spaces,
 * dots, dashes and underscores are removed. Teams and roles are not matched: history does not know their members.
 */
public final class OwnerIdentities {

    public static final String RULE = "matched by e-mail, by the e-mail's local part or by author name";

    /** Every name and e-mail a person committed under (one person may use several, merged by the history scanner). */
    private final Map<String, Set<String>> aliases = new HashMap<>();
    private final Set<String> keys;
    /** Each key's local part, normalised: computed once, not once per owner asked about. */
    private final Map<String, String> handles = new HashMap<>();
    /** Names and e-mails normalised while the aliases are built: a few hundred people author thousands of commits. */
    private final Map<String, String> normalised = new HashMap<>();

    public OwnerIdentities(HistoryFacts history) {
        for (AuthoredCommit c : history.commits()) {
            String key = c.author().key();
            alias(key, c.commit().authorName(), c.commit().authorEmail());
        }
        for (Merge m : history.merges()) { // a maintainer who only merges is known by the merges' author names
            if (!m.committedByPlatform()) {
                alias(m.committerKey(), m.committerName(), m.committerEmail());
            }
            alias(m.authorKey(), m.authorName(), m.authorEmail());
        }
        this.keys = new TreeSet<>(history.people().keySet());
        keys.addAll(aliases.keySet());
        for (String key : keys) {
            handles.put(key, normalise(localPart(key)));
        }
        normalised.clear(); // only for building: people() reads, never writes, so the instance can be shared
    }

    private void alias(String key, String name, String email) {
        Set<String> known = aliases.computeIfAbsent(key, k -> new TreeSet<>());
        if (name != null) {
            known.add(normalised.computeIfAbsent(name, OwnerIdentities::normalise));
        }
        if (email != null) {
            known.add(normalised.computeIfAbsent("\u0000" + email,
                    e -> normalise(localPart(email.toLowerCase(Locale.ROOT)))));
        }
    }

    /** The handle an e-mail stands for: its local part, GitHub's {@code 123+handle@users.noreply…} included. */
    private static String localPart(String email) {
        int at = email.indexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        if (email.endsWith("@users.noreply.github.com") && local.contains("+")) {
            local = local.substring(local.indexOf('+') + 1);
        }
        return local;
    }

    /** People keys behind an individual owner; empty when nobody matches or the owner is a team or role. */
    public Set<String> people(Owner owner) {
        Set<String> out = new TreeSet<>();
        if (!owner.kind().individual()) {
            return out;
        }
        if (owner.kind() == Owner.Kind.EMAIL) {
            if (keys.contains(owner.name())) {
                out.add(owner.name());
            }
            return out;
        }
        String handle = normalise(owner.name().substring(1));
        for (String key : keys) {
            if (handles.get(key).equals(handle) || aliases.getOrDefault(key, Set.of()).contains(handle)) {
                out.add(key);
            }
        }
        return out;
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s._-]");

    private static String normalise(String s) {
        return SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
