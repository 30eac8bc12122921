package io.github.devopsassess.facts;

import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.ownership.Owner;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one rule by which every page names a person, whichever file names them: a git author, a CODEOWNERS owner
 * ({@code @handle} or e-mail; teams and roles keep their names), someone on call, the author of a pipeline. A name,
 * e-mail or handle is first resolved to a person of git history (after {@code .mailmap}, the identities file and the
 * history scanner's merging); that person's key decides the pseudonym, so one person has one pseudonym on every page.
 * Someone history does not know is keyed on the lower-cased e-mail, name or handle (without {@code @}).
 *
 * <p>By default everyone appears as a keyed {@link Pseudonyms pseudonym}; with {@code devops.showNames} as their name
 * (the latest name they committed under), never as an e-mail.
 *
 * <p>Handles are matched as {@code OwnerIdentities} matches them: a handle equals the local part of a person's
 * e-mail (GitHub's {@code 123+handle@users.noreply.github.com} included) or their name once spaces, dots, dashes and
 * underscores are removed.
 */
public final class People {

    private final boolean namesShown;
    private final Pseudonyms pseudonyms;
    /** Person key → the person of history, whose display is already a pseudonym or a name. */
    private final Map<String, Person> people;
    /** Lower-cased e-mail or name of every identity and alias → person key. */
    private final Map<String, String> identities;
    /** Full name (two words or more, without case, accents and punctuation) → person key. */
    private final Map<String, String> fullNames;
    /** Handle (lower case, no spaces, dots, dashes, underscores) → person keys, sorted. */
    private final Map<String, Set<String>> handles;
    /**
     * Full names (normalised as {@link #fullNames}) of people only on-call files know → the key of their pseudonym.
     * Used to disguise quoted lines only: such a person is not a person of history.
     */
    private final Map<String, String> onCallNames;
    /** User names, ids and single-word names (lower case) of people only on-call files know → key; see above. */
    private final Map<String, String> onCallWords;

    private People(boolean namesShown, Pseudonyms pseudonyms, Map<String, Person> people,
            Map<String, String> identities, Map<String, String> fullNames, Map<String, Set<String>> handles,
            Map<String, String> onCallNames, Map<String, String> onCallWords) {
        this.namesShown = namesShown;
        this.pseudonyms = pseudonyms;
        this.people = Map.copyOf(people);
        this.identities = Map.copyOf(identities);
        this.fullNames = Map.copyOf(fullNames);
        Map<String, Set<String>> h = new HashMap<>();
        handles.forEach((k, v) -> h.put(k, Set.copyOf(new TreeSet<>(v))));
        this.handles = Map.copyOf(h);
        this.onCallNames = Map.copyOf(onCallNames);
        this.onCallWords = Map.copyOf(onCallWords);
    }

    /** Nobody known from history: every person is named by what the file says. */
    public static People withoutHistory(boolean namesShown, Pseudonyms pseudonyms) {
        return new People(namesShown, pseudonyms, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Shortest user name or single-word name of someone on call that a quoted line has disguised. */
    static final int MIN_WORD = 3;

    /**
     * These people with the people on call known to them, so that a line quoted from any file disguises their full
     * names, and a line quoted from an on-call file also their user names and ids (a Terraform address such as
     * {@code pagerduty_user.alice} by its label), each by the pseudonym {@link #person(String, String)} gives them.
     * Whom history knows keeps their key; nobody becomes a person of history by this.
     *
     * @param onCall id and name (or {@code null}) of each person on call, as the on-call files give them; shared
     *     accounts left out
     */
    public People withOnCall(Map<String, String> onCall) {
        Map<String, String> names = new HashMap<>(onCallNames);
        Map<String, String> words = new HashMap<>(onCallWords);
        onCall.forEach((id, name) -> {
            String key = keyOf(id, name);
            for (String text : java.util.Arrays.asList(name, id)) {
                if (text == null || text.isBlank() || text.contains("@")) {
                    continue; // an e-mail is disguised as an e-mail everywhere
                }
                if (text.strip().matches(".*\\s.*")) {
                    String full = fullName(text);
                    if (!text.matches(".*[\\[\\]\"=(){}].*")) {
                        names.putIfAbsent(full, key); // "Alice Example"
                    }
                    continue;
                }
                String word = lower(text); // a user name, an id or a one-word name: "asmith", "alice.smith"
                if (word.length() >= MIN_WORD) {
                    words.putIfAbsent(word, key);
                }
                int dot = word.lastIndexOf('.');
                if (word.matches("[a-z][a-z0-9_]*_[a-z0-9_]+\\.[\\w-]+") && word.length() - dot - 1 >= MIN_WORD) {
                    words.putIfAbsent(word.substring(dot + 1), key); // pagerduty_user.alice → alice
                }
            }
        });
        return new People(namesShown, pseudonyms, people, identities, fullNames, handles, names, words);
    }

    /** The key {@link #person(String, String)} names someone on call by: a person of history's, else their own. */
    private String keyOf(String id, String name) {
        String n = name == null || name.isBlank() ? id : name;
        return personKey(id != null && id.contains("@") ? id : n).or(() -> personKey(n)).or(() -> personKey(id))
                .orElseGet(() -> unknownKey(id != null && id.contains("@") ? id : n));
    }

    /** The people among the facts; without them, nobody is known and nobody is named (the safe side). */
    public static People in(Facts facts) {
        return facts.find(People.class).orElseGet(() -> withoutHistory(false, Pseudonyms.ephemeral()));
    }

    /** Builds the index of the people of history. */
    public static Builder builder(boolean namesShown, Pseudonyms pseudonyms) {
        return new Builder(namesShown, pseudonyms);
    }

    public boolean namesShown() {
        return namesShown;
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** A person of history by key; someone history does not know is shown by the key's pseudonym. */
    public String display(String personKey) {
        Person p = people.get(personKey);
        if (p != null) {
            return p.display();
        }
        return namesShown && !personKey.contains("@") ? personKey : pseudonyms.of(personKey);
    }

    /**
     * The person of history behind an e-mail, a name or a handle ({@code @} optional), or empty.
     */
    public Optional<String> personKey(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = lower(text);
        String byIdentity = identities.get(lower);
        if (byIdentity != null) {
            return Optional.of(byIdentity);
        }
        if (lower.contains("@") && !lower.startsWith("@")) {
            return Optional.empty(); // an e-mail is that e-mail or nobody
        }
        String full = fullName(text);
        if (full.contains(" ") && fullNames.containsKey(full)) {
            return Optional.of(fullNames.get(full));
        }
        Set<String> byHandle = handles.get(handle(text));
        return byHandle == null || byHandle.isEmpty() ? Optional.empty() : Optional.of(byHandle.iterator().next());
    }

    /**
     * Someone on call, as the on-call files give them.
     *
     * @param id the vendor's id, a user name or an e-mail
     * @param name the display name in the file, or {@code null}
     */
    public String person(String id, String name) {
        String n = name == null || name.isBlank() ? id : name;
        Optional<String> key = personKey(id != null && id.contains("@") ? id : n)
                .or(() -> personKey(n)).or(() -> personKey(id));
        if (key.isPresent()) {
            return display(key.get());
        }
        return namesShown && !n.contains("@") ? n : pseudonyms.of(unknownKey(id != null && id.contains("@") ? id : n));
    }

    /** A CODEOWNERS owner: teams and roles as written, people by the rule of every page. */
    public String owner(Owner owner) {
        if (!owner.kind().individual()) {
            return owner.name();
        }
        Optional<String> key = personKey(owner.name());
        if (key.isPresent()) {
            return display(key.get());
        }
        return namesShown && owner.kind() == Owner.Kind.USER ? owner.name() : pseudonyms.of(unknownKey(owner.name()));
    }

    /**
     * A line quoted from a file with the people in it disguised, unless names are shown: every e-mail address, and
     * with {@code handles} (a CODEOWNERS file) every {@code @user} (teams {@code @org/team} stay), becomes the person's
     * pseudonym, so that an excerpt beside a finding does not name whom the finding calls {@code contributor-…}; so
     * does the full name (two to four words) of a person of history. Other names (someone only an on-call file knows)
     * are not recognised.
     */
    public String disguise(String line, boolean handles) {
        return disguise(line, handles, false);
    }

    /**
     * A line quoted from a file with the people in it disguised; see {@link #disguise(String, boolean)}.
     *
     * @param onCall the line is from an on-call file: the user names and ids of the people on call are disguised too
     *     (elsewhere a user name such as {@code alice} is too likely an ordinary word)
     */
    public String disguise(String line, boolean handles, boolean onCall) {
        if (namesShown || line == null) {
            return line;
        }
        line = disguiseFullNames(line);
        if (onCall && !onCallWords.isEmpty()) {
            line = disguiseOnCallWords(line);
        }
        if (line.indexOf('@') < 0) {
            return line;
        }
        String out = EMAIL.matcher(line).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                person(m.group(), null)));
        return handles ? HANDLE.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                owner(Owner.parse(m.group())))) : out;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{M}]+");

    /** Words of user names and ids: letters, digits, underscores and dashes, joined by dots. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "(?<![\\w@.-])[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*(?![\\w@-])");

    /** Replaces the user names and ids of people on call, as whole tokens or dot-separated parts of one. */
    private String disguiseOnCallWords(String line) {
        java.util.regex.Matcher m = TOKEN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String key = onCallWords.get(lower(token));
            String replaced;
            if (key != null) {
                replaced = display(key);
            } else if (token.indexOf('.') > 0) {
                StringBuilder parts = new StringBuilder();
                for (String part : token.split("\\.", -1)) {
                    String k = onCallWords.get(lower(part));
                    parts.append(parts.length() > 0 ? "." : "").append(k == null ? part : display(k));
                }
                replaced = parts.toString();
            } else {
                replaced = token;
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Replaces runs of two to four words that are a known full name, longest first, by the person's pseudonym. */
    private String disguiseFullNames(String line) {
        if (fullNames.isEmpty() && onCallNames.isEmpty()) {
            return line;
        }
        java.util.List<int[]> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = WORD.matcher(line);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(4, words.size() - i); n >= 2; n--) {
                int from = words.get(i)[0];
                int to = words.get(i + n - 1)[1];
                String between = line.substring(from, to);
                if (!between.matches("[\\p{L}\\p{M}]+(?:[\\s.\\-]{1,2}[\\p{L}\\p{M}]+)+")) {
                    continue; // the words of a name are next to each other
                }
                String full = fullName(between);
                String key = fullNames.getOrDefault(full, onCallNames.get(full));
                if (key != null) {
                    out.append(line, copied, from).append(display(key));
                    copied = to;
                    i += n - 1;
                    break;
                }
            }
        }
        return copied == 0 ? line : out.append(line.substring(copied)).toString();
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** {@code @user} not inside a word or e-mail and not the organisation of {@code @org/team}. */
    private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile(
            "(?<![\\w@./+-])@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?![\\w/@.-])");

    /**
     * What identifies a person for fingerprints, independent of the key and of {@code showNames}: see
     * {@link Pseudonyms#fingerprintTag(String)}. Never shown.
     */
    public String fingerprintTag(String text) {
        return Pseudonyms.fingerprintTag(personKey(text).orElseGet(() -> unknownKey(text)));
    }

    /** Someone history does not know: the lower-cased e-mail, name or handle without its {@code @}. */
    static String unknownKey(String text) {
        String lower = lower(text);
        return lower.startsWith("@") ? lower.substring(1) : lower;
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern SEPARATOR_RUNS = java.util.regex.Pattern.compile("[\\s._\\-]+");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s._-]");

    /** Lower case, accents removed, runs of spaces, dots, dashes and underscores as one space. */
    static String fullName(String name) {
        String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATOR_RUNS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A handle as CODEOWNERS and on-call users write it: no {@code @}, lower case, no separators. */
    static String handle(String text) {
        String t = text.trim();
        if (t.startsWith("@")) {
            t = t.substring(1);
        }
        return SEPARATORS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The handle an e-mail stands for: its local part, GitHub's {@code 123+handle@users.noreply…} included. */
    static String localPart(String email) {
        String e = lower(email);
        int at = e.indexOf('@');
        String local = at < 0 ? e : e.substring(0, at);
        if (e.endsWith("@users.noreply.github.com") && local.contains("+")) {
            local = local.substring(local.indexOf('+') + 1);
        }
        return local;
    }

    /** Collects the people of history and every name and e-mail they go by. Not thread-safe. */
    public static final class Builder {
        private final boolean namesShown;
        private final Pseudonyms pseudonyms;
        private final Map<String, Person> people = new TreeMap<>();
        private final Map<String, String> identities = new HashMap<>();
        private final Map<String, String> fullNames = new HashMap<>();
        private final Map<String, Set<String>> handles = new HashMap<>();

        private Builder(boolean namesShown, Pseudonyms pseudonyms) {
            this.namesShown = namesShown;
            this.pseudonyms = pseudonyms;
        }

        /** A person of history under one of their identities (a name and e-mail they committed under). */
        public Builder identity(Person person, String name, String email) {
            people.putIfAbsent(person.key(), person);
            identities.putIfAbsent(person.key(), person.key());
            if (email != null && !email.isBlank()) {
                identities.putIfAbsent(lower(email), person.key());
                handle(localPart(email), person.key());
            }
            if (name != null && !name.isBlank()) {
                alias(name, person.key());
                handle(name, person.key());
            }
            return this;
        }

        private void handle(String text, String personKey) {
            String h = People.handle(text);
            if (!h.isEmpty()) {
                handles.computeIfAbsent(h, k -> new TreeSet<>()).add(personKey);
            }
        }

        /** Another e-mail or name of a person, as the team's identities file gives it. */
        public Builder alias(String emailOrName, String personKey) {
            identities.putIfAbsent(lower(emailOrName), personKey);
            String full = fullName(emailOrName);
            if (!emailOrName.contains("@") && full.contains(" ")) {
                fullNames.putIfAbsent(full, personKey);
            }
            return this;
        }

        public People build() {
            return new People(namesShown, pseudonyms, people, identities, fullNames, handles, Map.of(), Map.of());
        }
    }
}
