package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code named-individuals}: a cause section that names a person (an {@code @handle} or the name of someone who
 * commits to the repository) makes that person the cause. Unless the team shows names, the finding says "a named
 * person" and points at the line; the scanner has already removed the name from the quoted sentence.
 */
public final class NamedIndividualsCheck extends PostmortemCheck {

    public static final String ID = "named-individuals";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PostmortemFacts pm, Facts facts, CheckSettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (Postmortem p : pm.postmortems()) {
            if (p.mentions().isEmpty()) {
                continue;
            }
            List<Evidence> evidence = p.mentions().stream().map(m -> Evidence.line(p.path(), m.line())
                    .withNote(m.section() + " names " + m.who() + ": \"" + m.sentence() + "\"")).toList();
            Postmortem.Mention first = p.mentions().get(0);
            findings.add(settings.fail(PostmortemFactsLabel.of(p) + ": its " + first.section() + " (line "
                    + first.line() + ") makes " + first.who() + " the cause: \"" + first.sentence() + "\". A person as"
                    + " the cause ends the inquiry and teaches everyone to hide mistakes. Instead describe the"
                    + " action and the conditions that made it possible, e.g. \"a deploy ran without a review"
                    + " step\": how did the system allow this?", p.path() + "#named", evidence));
        }
        return Judgement.of(findings, pm.postmortems().size(), findings.size() + " of " + pm.postmortems().size()
                + " postmortems name a person in their causes").lost(findings.size())
                .metrics(Map.of("postmortemsNamingPeople", findings.size()));
    }
}
