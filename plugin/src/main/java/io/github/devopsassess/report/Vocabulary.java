package io.github.devopsassess.report;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.LevelDef;
import io.github.devopsassess.rubric.Rubric;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small pieces of AsciiDoc every page shares: levels, severities, statuses, deltas, page paths and anchors.
 * The CSS classes used here are the ones the theme's README documents.
 */
final class Vocabulary {

    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(\\s|$)", Pattern.DOTALL);

    private final Rubric rubric;

    Vocabulary(Rubric rubric) {
        this.rubric = rubric;
    }

    static String areaPage(String areaId) {
        return "areas/" + Adoc.id(areaId) + ".html";
    }

    static String checkPage(String checkId) {
        return "checks/" + Adoc.id(checkId) + ".html";
    }

    static String findingAnchor(Finding f) {
        return "finding-" + f.fingerprint();
    }

    String levelRole(String levelId) {
        if (levelId == null) {
            return "[.not-assessed]#none#";
        }
        String title = rubric.levels().stream().filter(l -> l.id().equals(levelId)).map(LevelDef::title)
                .findFirst().orElse(levelId);
        return "[.level.level-" + Adoc.id(levelId) + "]#" + Adoc.text(title) + "#";
    }

    static String severity(Severity s) {
        return "[.severity-" + s.id() + "]#" + s.id().toUpperCase(Locale.ROOT) + "#";
    }

    static String status(CheckResult r) {
        return switch (r.status()) {
            case PASS -> "pass";
            case WARN -> "[.severity-medium]#warn#";
            case FAIL -> "[.severity-high]#fail#";
            case NOT_ASSESSED -> "[.not-assessed]#not assessed#";
        };
    }

    /**
     * A check's summary that says pass or problem in its first words: "Pass: …", "Warning: …", "Problem: …", "Not
     * measured: …", so that "0 of 10 critical files …" is never read as good news.
     */
    static String summary(CheckResult r) {
        String verdict = switch (r.status()) {
            case PASS -> "[.verdict-pass]#Pass:#";
            case WARN -> "[.verdict-warn]#Warning:#";
            case FAIL -> "[.verdict-problem]#Problem:#";
            case NOT_ASSESSED -> "[.not-assessed]#Not measured:#";
        };
        return verdict + " " + Adoc.text(r.summary());
    }

    /** "+5" as an improvement, "-3" as a regression, "±0"; the theme adds the arrow, the sign carries the meaning. */
    static String delta(Integer before, Integer after) {
        if (before == null || after == null) {
            return "[.not-assessed]#n/a#";
        }
        int d = after - before;
        if (d > 0) {
            return "[.improvement]#+" + d + "#";
        }
        if (d < 0) {
            return "[.regression]#" + d + "#";
        }
        return "±0";
    }

    String areaTitle(String areaId) {
        AreaDef def = rubric.areas().get(areaId);
        return def == null ? areaId : def.title();
    }

    String checkTitle(String checkId) {
        CheckDef def = rubric.checks().get(checkId);
        return def == null ? checkId : def.title();
    }

    /** The first sentence of a remediation: the one line of advice a leader reads. */
    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        Matcher m = FIRST_SENTENCE.matcher(t);
        return m.find() ? m.group(1) : t;
    }

    /** A date as YYYY-MM-DD (the time of day means nothing to the reader of a trend). */
    static String day(String isoInstant) {
        if (isoInstant == null) {
            return "unknown date";
        }
        return isoInstant.length() >= 10 ? isoInstant.substring(0, 10) : isoInstant;
    }

    /** A rubric number as a person writes it: 2 rather than 2.0. */
    static String number(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

    static String shortCommit(String commit) {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }
}
