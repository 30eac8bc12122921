package io.github.devopsassess.scan.history;

import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.source.History;
import io.github.devopsassess.facts.history.MinedCommit;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key per person, beyond {@code .mailmap} and the team's identities file: identities that share a full name
 * (two words or more, compared without case and accents: "Raphaël Bournhonesque" and "Raphael Bournhonesque"), and a
 * GitHub no-reply address ({@code 123+login@users.noreply.github.com}) with the identity whose name is that login,
 * are one person. A person's key is the key of the identity with the most commits, so that it stays the same while
 * they keep committing under it.
 */
final class PersonKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[\\s._\\-]+");
    private static final Pattern NOREPLY = Pattern.compile("(?:\\d+\\+)?([^@]+)@users\\.noreply\\.github\\.com");

    /** Identity key (e-mail, or name without one) → person key. */
    private final Map<String, String> personOf;
    /** Person key → the latest name of their leading identity. */
    private final Map<String, String> names;

    private final Identities identities;

    private PersonKeys(Map<String, String> personOf, Map<String, String> names, Identities identities) {
        this.personOf = personOf;
        this.names = names;
        this.identities = identities;
    }

    static PersonKeys of(History history, Identities identities) {
        Map<String, Integer> commits = new TreeMap<>();
        Map<String, String> nameOfKey = new HashMap<>();
        for (MinedCommit c : history.commits()) {
            String k = identityKey(identities, c.authorName(), c.authorEmail());
            commits.merge(k, 1, Integer::sum);
            nameOfKey.putIfAbsent(k, c.authorName());
        }
        for (Merge m : history.merges()) {
            String a = identityKey(identities, m.authorName(), m.authorEmail());
            commits.merge(a, 0, Integer::sum);
            nameOfKey.putIfAbsent(a, m.authorName());
            String k = identityKey(identities, m.committerName(), m.committerEmail());
            commits.merge(k, 0, Integer::sum);
            nameOfKey.putIfAbsent(k, m.committerName());
        }
        Map<String, String> parent = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byLogin = new HashMap<>();
        for (String k : commits.keySet()) { // sorted: the merging is the same in every run
            String name = normalised(nameOfKey.get(k));
            if (name.contains(" ")) {
                union(parent, commits, byName.computeIfAbsent(name, n -> k), k);
            } else if (!name.isEmpty()) {
                byLogin.putIfAbsent(name, k);
            }
        }
        for (String k : commits.keySet()) {
            Matcher m = NOREPLY.matcher(k);
            if (m.matches()) {
                String login = byLogin.get(normalised(m.group(1)));
                if (login != null) {
                    union(parent, commits, login, k);
                }
            }
        }
        Map<String, String> personOf = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String k : commits.keySet()) {
            String root = find(parent, k);
            personOf.put(k, root);
            names.putIfAbsent(root, nameOfKey.get(root));
        }
        return new PersonKeys(personOf, names, identities);
    }

    /** The person key of an identity. */
    String keyOf(String name, String email) {
        String k = identityKey(identities, name, email);
        return personOf.getOrDefault(k, k);
    }

    /** The name to show for a person: the latest name of their leading identity, else the one at hand. */
    String nameOf(String personKey, String fallback) {
        String n = names.get(personKey);
        return n == null || n.isBlank() ? fallback : n;
    }

    private static String identityKey(Identities identities, String name, String email) {
        return identities.personOf(name, email)
                .map(id -> HistoryScanner.key(id.contains("@") ? null : id, id.contains("@") ? id : null))
                .orElseGet(() -> HistoryScanner.key(name, email));
    }

    /** Lower case, accents removed, runs of spaces, dots and dashes as one space. */
    static String normalised(String name) {
        if (name == null) {
            return "";
        }
        String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATOR_RUNS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static void union(Map<String, String> parent, Map<String, Integer> commits, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (ra.equals(rb)) {
            return;
        }
        // the identity with more commits leads; on a tie the smaller key, so the result does not depend on order
        int ca = commits.getOrDefault(ra, 0);
        int cb = commits.getOrDefault(rb, 0);
        boolean aLeads = ca != cb ? ca > cb : ra.compareTo(rb) < 0;
        parent.put(aLeads ? rb : ra, aLeads ? ra : rb);
    }

    private static String find(Map<String, String> parent, String k) {
        String root = k;
        while (parent.containsKey(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
