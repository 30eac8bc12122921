package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code postmortem-completeness}: a postmortem without a timeline, a root cause or action items cannot teach what it
 * should: how the incident unfolded, why, and what changes. One finding per report names every part it lacks of the
 * five every template has (summary, impact, timeline, root cause, action items). A missing summary or impact alone
 * is no finding (many teams fold the impact into the summary); postmortems not in English are not judged, as their
 * headings cannot be recognised.
 */
public final class PostmortemCompletenessCheck extends PostmortemCheck {

    public static final String ID = "postmortem-completeness";

    private static final Pattern LABELLED_IMPACT = Pattern.compile("(?i)^\\W*(customer |business |user )?impact\\s*[:|]"
            + "\\s*\\S");
    private static final Pattern LABELLED_CAUSE = Pattern.compile(
            "(?i)^\\W*(root cause|cause|trigger)s?\\s*[:|]\\s*\\S");
    /** Prose in the preamble long enough to be a summary, not a metadata line. */
    private static final int SUMMARY_WORDS = 8;

    /** The parts of a postmortem, in the order templates put them. */
    enum Part {
        SUMMARY("summary", false), IMPACT("impact", false), TIMELINE("timeline", true),
        ROOT_CAUSE("root cause", true), ACTION_ITEMS("action items", true);

        final String label;
        /** Whether its absence alone makes the report incomplete. */
        final boolean essential;

        Part(String label, boolean essential) {
            this.label = label;
            this.essential = essential;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PostmortemFacts pm, Facts facts, CheckSettings settings) {
        List<Postmortem> english = pm.english();
        if (english.isEmpty()) {
            return Judgement.inapplicable("no postmortem in English");
        }
        List<Finding> findings = new ArrayList<>();
        int complete = 0;
        for (Postmortem p : english) {
            List<String> missing = new ArrayList<>();
            boolean essential = false;
            for (Part part : Part.values()) {
                String absent = absence(p, part);
                if (absent != null) {
                    missing.add(absent);
                    // a root cause is required where the report has the section and left it empty ("TBD"); a
                    // report without the heading may state its cause elsewhere (a linked CVE, the summary)
                    essential |= part.essential && (part != Part.ROOT_CAUSE || !absent.equals(part.label));
                }
            }
            if (missing.isEmpty()) {
                complete++;
            }
            if (!essential) {
                continue;
            }
            boolean noActions = absence(p, Part.ACTION_ITEMS) != null;
            String message = PostmortemFactsLabel.of(p) + " lacks " + String.join(", ", missing) + ": "
                    + (noActions ? "without action items nothing changes after the incident"
                            : "without them readers cannot tell how the incident unfolded or why") + ".";
            Evidence where = Evidence.line(p.path(), Math.max(1, p.sections().stream()
                    .mapToInt(Postmortem.Section::line).filter(l -> l > 0).min().orElse(1)))
                    .withNote("missing: " + String.join(", ", missing) + "; sections: " + headings(p));
            findings.add(noActions ? settings.fail(message, p.path(), List.of(where))
                    : settings.warn(message, p.path(), List.of(where)));
        }
        return Judgement.of(findings, english.size(), complete + " of "
                + Words.plural(english.size(), "postmortem", "postmortems") + " " + Words.noun(complete, "has", "have")
                + " a summary, impact, timeline, root cause and action items");
    }

    /** Why a part is missing ("timeline", "root cause (section empty)"), or {@code null} when it is there. */
    static String absence(Postmortem p, Part part) {
        SectionKind kind = switch (part) {
            case SUMMARY -> SectionKind.SUMMARY;
            case IMPACT -> SectionKind.IMPACT;
            case TIMELINE -> SectionKind.TIMELINE;
            case ROOT_CAUSE -> SectionKind.CAUSE;
            case ACTION_ITEMS -> SectionKind.ACTION_ITEMS;
        };
        List<Postmortem.Section> sections = p.sections(kind);
        if (sections.stream().anyMatch(s -> !s.empty())) {
            return null;
        }
        boolean elsewhere = switch (part) {
            case SUMMARY -> p.sections().stream().filter(s -> s.level() == 0).flatMap(s -> s.text().stream())
                    .anyMatch(t -> !t.text().contains(":") && t.text().split("\\s+").length >= SUMMARY_WORDS);
            case IMPACT -> lines(p).anyMatch(t -> LABELLED_IMPACT.matcher(t).find());
            case TIMELINE -> !p.timeline().isEmpty();
            case ROOT_CAUSE -> lines(p).anyMatch(t -> LABELLED_CAUSE.matcher(t).find());
            case ACTION_ITEMS -> !p.actionItems().isEmpty();
        };
        if (elsewhere) {
            return null;
        }
        return sections.isEmpty() ? part.label : part.label + " (section \"" + sections.get(0).heading()
                + "\" empty)";
    }

    private static java.util.stream.Stream<String> lines(Postmortem p) {
        return p.sections().stream().flatMap(s -> s.text().stream()).map(Postmortem.TextLine::text);
    }

    private static String headings(Postmortem p) {
        List<String> headings = p.sections().stream().map(Postmortem.Section::heading).filter(h -> !h.isEmpty())
                .toList();
        return headings.isEmpty() ? "none" : String.join(", ", headings);
    }
}
