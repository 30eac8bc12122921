package io.github.devopsassess.engine;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Evidence in a paged document (a PDF postmortem) names its page instead of lines: checks locate what they find by the
 * line of the extracted text, as in any postmortem, and this turns that line into the page a reader can open. Lines
 * of extracted text are dropped from such evidence, since no editor, SARIF viewer or excerpt can find them in a PDF.
 */
final class PageLocations {

    private final Map<String, Postmortem> paged;

    PageLocations(Facts facts) {
        this.paged = facts.find(PostmortemFacts.class).map(pm -> pm.postmortems().stream()
                .filter(Postmortem::paged).collect(Collectors.toMap(Postmortem::path, p -> p)))
                .orElse(Map.of());
    }

    List<Finding> apply(List<Finding> findings) {
        if (paged.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.evidence().stream().noneMatch(this::onPage)) {
                out.add(f);
                continue;
            }
            List<Evidence> evidence = f.evidence().stream().map(e -> onPage(e) ? new Evidence(e.path(), null, null,
                    e.commit(), e.note(), Math.max(1, paged.get(e.path()).page(e.startLine()))) : e).toList();
            out.add(f.withEvidence(evidence));
        }
        return out;
    }

    private boolean onPage(Evidence e) {
        return e.path() != null && e.startLine() != null && e.page() == null && paged.containsKey(e.path());
    }
}
