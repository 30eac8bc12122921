package io.github.devopsassess.scan.history;

import io.github.devopsassess.facts.history.Involvement;
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
 * One key per person, beyond {@code .mailmap} and the team's identities file. Conservative rules, each of which only
 * joins identities that cannot be two people by accident:
 * <ul>
 * <li>identities that share a full name of two words or more, compared without case, accents, extra spaces and a
 * nickname in parentheses or an {@code @handle} ("Raphaël Bournhonesque" and "Raphael Bournhonesque"; "Daniel (dB.)
 * Doubrovkine" and "Daniel Doubrovkine (dB.) @dblockdotorg"); a single word ("Daniel", "admin") joins nobody by name;
 * <li>a GitHub no-reply address ({@code 123+login@users.noreply.github.com}) with the one identity that committed
 * under that login as its name, or whose e-mail's local part is that login (at least four characters, not a generic
 * mailbox such as {@code admin}); a login two identities share joins neither.
 * </ul>
 * Every name an identity used counts, not only its latest; reviewers, acknowledgers and co-authors named in trailers
 * and the committers of commits are identities too. A person's key is the key of the identity with the most commits,
 * so that it stays the same while they keep committing under it.
 */
final class PersonKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[\\s._\\-]+");
    private static final Pattern NOREPLY = Pattern.compile("(?:\\d+\\+)?([^@]+)@users\\.noreply\\.github\\.com");
    /** Mailboxes that many people or machines share: never a person's login. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("admin", "root", "info", "user", "users",
            "noreply", "no-reply", "build", "builds", "jenkins", "github", "gitlab", "deploy", "devops", "team",
            "support", "contact", "mail", "test", "dev", "developer", "developers", "ci", "bot");
    private static final String AMBIGUOUS = "\u0000ambiguous";

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
        Map<String, java.util.Set<String>> namesOfKey = new HashMap<>();
        java.util.function.BiConsumer<String, String> seen = (name, email) -> {
            String k = identityKey(identities, name, email);
            commits.merge(k, 0, Integer::sum);
            if (name != null && !name.isBlank()) {
                nameOfKey.putIfAbsent(k, name);
                namesOfKey.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(name);
            }
        };
        for (MinedCommit c : history.commits()) {
            seen.accept(c.authorName(), c.authorEmail());
            commits.merge(identityKey(identities, c.authorName(), c.authorEmail()), 1, Integer::sum);
        }
        for (Merge m : history.merges()) {
            seen.accept(m.authorName(), m.authorEmail());
            seen.accept(m.committerName(), m.committerEmail());
        }
        for (Involvement i : history.involvements()) {
            seen.accept(i.name(), i.email());
        }
        Map<String, String> parent = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byLogin = new HashMap<>();
        for (String k : commits.keySet()) { // sorted: the merging is the same in every run
            java.util.Set<String> full = new java.util.TreeSet<>();
            namesOfKey.getOrDefault(k, java.util.Set.of()).stream().map(PersonKeys::comparable)
                    .filter(n -> n.contains(" ")).forEach(full::add);
            for (String n : namesOfKey.getOrDefault(k, java.util.Set.of())) {
                String name = comparable(n);
                if (name.contains(" ") && full.size() > 2) {
                    continue; // one address under three or more full names is a shared mailbox, not one person
                }
                if (name.contains(" ")) {
                    union(parent, commits, byName.computeIfAbsent(name, x -> k), k);
                } else if (!name.isEmpty() && !NOREPLY.matcher(k).matches()) {
                    login(byLogin, name, k); // a no-reply identity's own name is no evidence of whose it is
                }
            }
            int at = k.indexOf('@');
            if (at > 0 && !NOREPLY.matcher(k).matches()) {
                String local = normalised(k.substring(0, at));
                if (local.length() >= 4 && !local.contains(" ") && !GENERIC.contains(local)) {
                    login(byLogin, local, k);
                }
            }
        }
        for (String k : commits.keySet()) {
            Matcher m = NOREPLY.matcher(k);
            if (m.matches()) {
                String login = byLogin.get(normalised(m.group(1)));
                if (login != null && !login.equals(AMBIGUOUS)) {
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

    /** Records that identity {@code k} goes by {@code login}; a login of two people's identities is nobody's. */
    private static void login(Map<String, String> byLogin, String login, String k) {
        String known = byLogin.putIfAbsent(login, k);
        if (known != null && !known.equals(k)) {
            byLogin.put(login, AMBIGUOUS);
        }
    }

    /**
     * A name as two identities of one person write it alike: without a nickname in parentheses or brackets, an
     * {@code @handle} or quotes, then {@link #normalised}.
     */
    static String comparable(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replaceAll("\\([^)]*\\)|\\[[^\\]]*\\]|\"[^\"]*\"|(?<!\\S)@\\S+", " ");
        return normalised(n);
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
