package io.github.devopsassess.check.history;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.postmortem.BlameTerm;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code blaming-commit-messages}: commit and revert subjects of the last {@code windowDays} (365) that blame a person
 * ("revert Bob's broken change", "fix the mess made by @bob", "who broke the build?", "undo the idiot's change").
 * The lexicon is the postmortem one ({@link BlameTerm#commitTerms()}): its phrases that blame in a commit too, and a
 * few that only commits use. Words that may be about the work rather than a person ("stupid", "broken", "mess") count
 * only when the subject also names or points at a person: an {@code @handle}, a pronoun, a possessive or a name of
 * someone in the history. A {@code Revert "…"} subject is judged without the quoted subject of the commit it reverts,
 * which is judged as that commit. Technical words are not in the lexicon ({@code git blame}, segfault, fault
 * tolerance, killing a process, dummy data). One finding lists the commits, their authors by pseudonym.
 */
public final class BlamingCommitMessagesCheck extends HistoryCheck {

    public static final String ID = "blaming-commit-messages";

    /** A {@code Revert "…"} subject: the quoted part is the reverted commit's own subject. */
    private static final Pattern REVERT_QUOTE = Pattern.compile("(?i)^\\s*(reapply|revert)\\s+\"(.*)\"\\s*$");
    /** Something in a subject that points at a person. */
    private static final Pattern POINTER = Pattern.compile("(?<![\\w.@/-])@[A-Za-z0-9][A-Za-z0-9-]*(?![\\w/@.-])"
            + "|(?i:\\b(he|she|his|her|him|someone|somebody|whoever|guy|guys|intern|colleague|coworker|co-worker)\\b)");
    /** A possessive: {@code Bob's}, {@code bob’s}. */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<![\\w-])([\\p{L}][\\p{L}.-]*)['’]s\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}-]+");
    private static final int SHOWN = 10;
    private static final int MAX_QUOTE = 120;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        int days = settings.intThreshold("windowDays", 365);
        long cutoff = history.headTime() - days * 86_400L;
        List<AuthoredCommit> recent = history.commits().stream()
                .filter(c -> !c.author().bot() && c.commit().commitTime() >= cutoff && c.commit().subject() != null)
                .toList();
        if (recent.isEmpty()) {
            return Judgement.inapplicable("no commit by a person in the last " + days + " days");
        }
        Set<String> names = names(history);
        Map<BlameTerm, Pattern> lexicon = new LinkedHashMap<>();
        BlameTerm.commitTerms().forEach(t -> lexicon.put(t, t.pattern()));
        People people = People.in(facts);
        List<Evidence> evidence = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        BlameTerm first = null;
        for (AuthoredCommit c : recent) {
            String subject = judged(c.commit().subject());
            BlameTerm term = blaming(subject, lexicon, names);
            if (term == null) {
                continue;
            }
            first = first == null ? term : first;
            String shortId = c.commit().id().substring(0, Math.min(9, c.commit().id().length()));
            String day = DAY.format(Instant.ofEpochSecond(c.commit().commitTime()).atOffset(ZoneOffset.UTC));
            String quote = quote(people.disguise(c.commit().subject(), true));
            evidence.add(Evidence.commit(c.commit().id(), day + ", " + c.author().display() + ": \"" + quote + "\""
                    + " (\"" + term.phrase() + "\")"));
            listed.add(shortId + " (" + day + ")");
        }
        String summary = evidence.size() + " of " + Words.plural(recent.size(), "commit subject", "commit subjects")
                + " of the last " + days + " days blame a person" + history.confidenceNote();
        Map<String, Object> metrics = Map.of("blamingCommits", evidence.size());
        if (evidence.isEmpty()) {
            return Judgement.clean(recent.size(), summary).metrics(metrics);
        }
        Finding f = settings.fail(Words.plural(evidence.size(), "commit subject", "commit subjects") + " of the last "
                + days + " days blame a person rather than describe the change: " + Listing.some(listed, 5, ", ")
                + ". " + first.why() + " Instead: " + first.rewording(), "commit-messages",
                evidence.subList(0, Math.min(SHOWN, evidence.size())));
        return Judgement.of(List.of(f), recent.size(), summary).lost(evidence.size()).metrics(metrics);
    }

    /** The subject as judged: a revert without the quoted subject of the commit it reverts. */
    static String judged(String subject) {
        Matcher m = REVERT_QUOTE.matcher(subject);
        return m.matches() ? m.group(1) : subject;
    }

    /** The first term of the lexicon that blames in the subject, or {@code null}. */
    static BlameTerm blaming(String subject, Map<BlameTerm, Pattern> lexicon, Set<String> names) {
        for (Map.Entry<BlameTerm, Pattern> e : lexicon.entrySet()) {
            if (e.getValue().matcher(subject).find()
                    && (!BlameTerm.ABOUT_WORK.contains(e.getKey().phrase()) || pointsAtPerson(subject, names))) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Whether a subject names or points at a person: an {@code @handle}, a pronoun or a word for a colleague, the
     * possessive of a name of someone in history ("Bob's"), or such a name written with a capital ("by Bob").
     */
    static boolean pointsAtPerson(String subject, Set<String> names) {
        if (POINTER.matcher(subject).find()) {
            return true;
        }
        Matcher p = POSSESSIVE.matcher(subject);
        while (p.find()) {
            if (names.contains(p.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        Matcher w = WORD.matcher(subject);
        while (w.find()) {
            String word = w.group();
            if (Character.isUpperCase(word.charAt(0)) && w.start() > 0
                    && names.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first names and the handles (e-mail local parts) of the people of history, lower-cased, three letters or
     * longer: what a subject calls a colleague by.
     */
    static Set<String> names(HistoryFacts history) {
        Set<String> out = new TreeSet<>();
        for (AuthoredCommit c : history.commits()) {
            if (c.author().bot()) {
                continue;
            }
            String name = c.commit().authorName();
            if (name != null && !name.isBlank()) {
                String firstName = name.strip().split("[\\s.]+")[0];
                if (firstName.length() >= 3) {
                    out.add(firstName.toLowerCase(Locale.ROOT));
                }
            }
            String email = c.commit().authorEmail();
            if (email != null && email.indexOf('@') >= 3) {
                String local = email.substring(0, email.indexOf('@'));
                local = local.contains("+") ? local.substring(local.indexOf('+') + 1) : local;
                if (local.length() >= 3) {
                    out.add(local.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static String quote(String subject) {
        String s = subject.strip();
        return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE - 1) + "…";
    }
}
