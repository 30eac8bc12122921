package io.github.devopsassess.facts.postmortem;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A phrase that points at a person rather than at the system, with why it matters and a systems-focused way to say
 * it instead.
 *
 * @param phrase the phrase as configured; matched case-insensitively on word boundaries, {@code *} matches one word
 * @param why why the phrase blames, in one sentence
 * @param rewording how to say it instead
 */
public record BlameTerm(String phrase, String why, String rewording) {

    /** The curated default lexicon; a team adds terms in {@code .devops/postmortems.yaml} ({@code blameTerms}). */
    public static final List<BlameTerm> DEFAULTS = List.of(
            new BlameTerm("human error", "\"Human error\" ends the inquiry at a person instead of asking what made "
                    + "the error likely and easy to miss.",
                    "Describe the condition that allowed the mistake, e.g. \"the deploy tool accepted a config without "
                            + "validation\"."),
            new BlameTerm("operator error", "\"Operator error\" blames the operator for a system that let the "
                    + "operation go wrong.",
                    "Name the missing safeguard: \"the runbook step had no confirmation or dry run\"."),
            new BlameTerm("user error", "\"User error\" puts the cause on a person rather than on the interface or "
                    + "process.", "Describe what the interface or process made easy to get wrong."),
            new BlameTerm("fault of", "Assigning fault to someone makes people hide information next time.",
                    "Describe what happened and which condition made it possible, without assigning fault."),
            new BlameTerm("at fault", "Assigning fault to someone makes people hide information next time.",
                    "Describe what happened and which condition made it possible, without assigning fault."),
            new BlameTerm("should have", "\"Should have\" judges a decision with hindsight, using knowledge nobody "
                    + "had at the time.", "Describe what the person knew at the time and what would have made the "
                    + "right action obvious (an alert, a check, a default)."),
            new BlameTerm("failed to", "\"Failed to\" frames a gap in the system as a person's failure.",
                    "Ask how the system allowed this: \"nothing reminded or checked that X was done\"."),
            new BlameTerm("forgot to", "\"Forgot to\" puts on memory what a checklist or automation should carry.",
                    "Name the missing reminder or automation: \"the release checklist does not include X\"."),
            new BlameTerm("careless", "Calling someone careless judges character, not the conditions of the work.",
                    "Describe the conditions (time pressure, missing review, unclear ownership)."),
            new BlameTerm("carelessness", "Calling someone careless judges character, not the conditions of the work.",
                    "Describe the conditions (time pressure, missing review, unclear ownership)."),
            new BlameTerm("negligent", "\"Negligent\" is a legal accusation, not an engineering finding.",
                    "Describe the missing guardrail that would have caught the change."),
            new BlameTerm("negligence", "\"Negligence\" is a legal accusation, not an engineering finding.",
                    "Describe the missing guardrail that would have caught the change."),
            new BlameTerm("sloppy", "\"Sloppy\" judges a person; it teaches nothing about the system.",
                    "Describe which review or test would have caught the problem."),
            new BlameTerm("incompetent", "\"Incompetent\" judges a person; it teaches nothing about the system.",
                    "Describe what knowledge or tooling was missing and how to provide it."),
            new BlameTerm("blame", "Blame makes people defensive and hides the information needed to learn.",
                    "Describe the contributing conditions instead of who is to blame."),
            new BlameTerm("blamed", "Blame makes people defensive and hides the information needed to learn.",
                    "Describe the contributing conditions instead of who is to blame."),
            new BlameTerm("responsible for the outage", "Naming who is responsible for an outage turns a "
                    + "postmortem into a trial.", "Describe which conditions combined to cause the outage."),
            new BlameTerm("responsible for the incident", "Naming who is responsible for an incident turns a "
                    + "postmortem into a trial.", "Describe which conditions combined to cause the incident."),
            new BlameTerm("who caused", "Asking who caused an incident looks for a culprit, not for causes.",
                    "Ask what caused it and how the system allowed it."));

    /**
     * Phrases of {@link #DEFAULTS} that blame in a commit or revert subject too. The others have technical meanings
     * there: "blame" is {@code git blame}, "failed to", "should have" and "forgot to" describe code or the author's
     * own slip, "user error" and "operator error" are error types, "human error" is what automation is added against.
     */
    private static final Set<String> IN_COMMITS = Set.of("careless", "carelessness", "negligent", "negligence",
            "sloppy", "incompetent", "at fault", "responsible for the outage", "responsible for the incident",
            "who caused");

    /** Terms that blame in commit subjects, beyond the phrases of {@link #DEFAULTS} that also do there. */
    private static final List<BlameTerm> COMMIT_ONLY = List.of(
            new BlameTerm("who broke", "Asking who broke something looks for a culprit, not for the cause.",
                    "Say what broke and which check would have caught it."),
            new BlameTerm("stupid", "Calling someone's work stupid judges a person and teaches nothing.",
                    "Describe what the change gets wrong and why it was easy to get wrong."),
            new BlameTerm("dumb", "Calling someone's work dumb judges a person and teaches nothing.",
                    "Describe what the change gets wrong and why it was easy to get wrong."),
            new BlameTerm("idiot", "Calling someone an idiot is the blame game in its plainest form.",
                    "Describe what the change gets wrong and why it was easy to get wrong."),
            new BlameTerm("idiots", "Calling people idiots is the blame game in its plainest form.",
                    "Describe what the change gets wrong and why it was easy to get wrong."),
            new BlameTerm("idiotic", "Calling someone's work idiotic judges a person and teaches nothing.",
                    "Describe what the change gets wrong and why it was easy to get wrong."),
            new BlameTerm("moron", "Calling someone a moron is the blame game in its plainest form.",
                    "Describe what the change gets wrong and why it was easy to get wrong."),
            new BlameTerm("clueless", "Calling someone clueless judges a person, not the knowledge the team shares.",
                    "Describe which knowledge was missing and where to write it down."),
            new BlameTerm("broke", "Saying who broke something makes a person the cause.",
                    "Name the change by its id or subject and say what it broke."),
            new BlameTerm("broken", "Saying whose change is broken makes a person the cause.",
                    "Name the change by its id or subject and say what it broke."),
            new BlameTerm("mess", "Calling someone's work a mess judges a person and teaches nothing.",
                    "Name the change by its id or subject and say what it fixes."),
            new BlameTerm("messed up", "Saying who messed up makes a person the cause.",
                    "Name the change by its id or subject and say what it fixes."),
            new BlameTerm("screwed up", "Saying who screwed up makes a person the cause.",
                    "Name the change by its id or subject and say what it fixes."));

    /**
     * Terms that may be about the work rather than a person ("remove a stupid workaround", "fix sloppy regex", "fix
     * broken link", "clean up the mess of imports"): in a commit subject they blame only when the same subject names
     * or points at a person ("revert Bob's broken change", "fix the mess made by @bob").
     */
    public static final Set<String> ABOUT_WORK = Set.of("stupid", "dumb", "idiotic", "sloppy", "careless",
            "carelessness", "clueless", "broke", "broken", "mess", "messed up", "screwed up");

    /** The terms that blame in commit and revert subjects: the postmortem phrases that do there, and a few more. */
    public static List<BlameTerm> commitTerms() {
        List<BlameTerm> out = new java.util.ArrayList<>();
        DEFAULTS.stream().filter(t -> IN_COMMITS.contains(t.phrase())).forEach(out::add);
        out.addAll(COMMIT_ONLY);
        return List.copyOf(out);
    }

    /** The phrase as a case-insensitive pattern on word boundaries. */
    public Pattern pattern() {
        String[] words = phrase.strip().toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder sb = new StringBuilder("(?i)(?<![\\p{L}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append("\\s+");
            }
            sb.append(words[i].equals("*") ? "[\\p{L}'’-]+" : Pattern.quote(words[i]));
        }
        return Pattern.compile(sb.append("(?![\\p{L}])").toString());
    }
}
