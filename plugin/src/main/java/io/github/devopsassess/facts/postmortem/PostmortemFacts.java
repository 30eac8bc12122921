package io.github.devopsassess.facts.postmortem;

import java.util.Optional;
import io.github.devopsassess.facts.Input;
import java.time.LocalDate;
import java.util.List;

/**
 * The postmortems of the assessed project.
 *
 * @param postmortems readable postmortems, sorted by path (templates left out)
 * @param unreadable postmortem files that could not be read as text: scanned or damaged PDFs, Word documents, empty
 *     files, files over the size limit
 * @param templates postmortem templates found (not assessed as incidents)
 * @param searched where the scanner looked, for "none found" messages
 * @param showNames whether people's names may be shown; when false, names in the texts are already replaced
 * @param blameTerms the blame lexicon the team added in its postmortem configuration, beside the built-in one
 * @param recurring clusters of postmortems with similar causes at the default similarity threshold
 * @param incidents one summary per postmortem, oldest first, for an incidents timeline
 * @param templateForms what each template (sorted by path) asks for in its action items
 */
public record PostmortemFacts(List<Postmortem> postmortems, List<Unreadable> unreadable, List<String> templates,
        List<String> searched, boolean showNames, List<BlameTerm> blameTerms, List<CauseSimilarity.Cluster> recurring,
        List<Incident> incidents, List<TemplateForm> templateForms) implements Input {

    /** Postmortems without what their templates ask for. */
    public PostmortemFacts(List<Postmortem> postmortems, List<Unreadable> unreadable, List<String> templates,
            List<String> searched, boolean showNames, List<BlameTerm> blameTerms,
            List<CauseSimilarity.Cluster> recurring, List<Incident> incidents) {
        this(postmortems, unreadable, templates, searched, showNames, blameTerms, recurring, incidents, List.of());
    }

    /**
     * The action-item section of a postmortem template: what every postmortem written from it starts with.
     *
     * @param path repository-relative path of the template
     * @param line line of its action-items heading
     * @param asksOwner whether the section asks who owns an item (an owner, assignee or "who" column or field)
     * @param asksTracking whether it asks for a ticket, an issue, a link or a due date
     */
    public record TemplateForm(String path, int line, boolean asksOwner, boolean asksTracking) {
    }

    /** Similarity at or above which two postmortems' causes count as the same, unless the rubric says otherwise. */
    public static final double DEFAULT_SIMILARITY = 0.4;

    /** The postmortems written in English, the only ones whose headings and wording the checks can read. */
    public List<Postmortem> english() {
        return postmortems.stream().filter(Postmortem::english).toList();
    }

    public PostmortemFacts {
        postmortems = List.copyOf(postmortems);
        unreadable = List.copyOf(unreadable);
        templates = List.copyOf(templates);
        searched = List.copyOf(searched);
        blameTerms = blameTerms == null ? List.of() : List.copyOf(blameTerms);
        recurring = List.copyOf(recurring);
        incidents = List.copyOf(incidents);
        templateForms = templateForms == null ? List.of() : List.copyOf(templateForms);
    }

    /**
     * A postmortem file that could not be read.
     *
     * @param path repository-relative path
     * @param reason "no extractable text (…)", "malformed PDF: …", "not machine-readable (DOCX)", "empty file",
     *     "too large: …"
     */
    public record Unreadable(String path, String reason) {
    }

    /**
     * One incident, as an incidents page lists it.
     *
     * @param path the postmortem
     * @param title its title
     * @param date the incident date, or {@code null}
     * @param severity normalised severity, or {@code null}
     * @param minutesToDetect time from the start of impact to detection, or {@code null}
     * @param minutesToAcknowledge time from detection to acknowledgement, or {@code null}
     * @param minutesToRestore time to restore, or {@code null}
     * @param actionItems all action items
     * @param openItems items marked open
     * @param doneItems items marked done
     * @param unknownItems items whose status nothing records
     * @param recurringWith other postmortems in the same recurring-cause cluster, sorted
     */
    public record Incident(String path, String title, LocalDate date, String severity, Integer minutesToDetect,
            Integer minutesToAcknowledge, Integer minutesToRestore,
            int actionItems, int openItems, int doneItems, int unknownItems, List<String> recurringWith) {
        public Incident {
            recurringWith = List.copyOf(recurringWith);
        }
    }

    /** Without postmortems the postmortem checks have nothing to judge (postmortems-present judges that). */
    @Override
    public Optional<String> unusable() {
        return postmortems.isEmpty() ? Optional.of("no postmortems") : Optional.empty();
    }
}
