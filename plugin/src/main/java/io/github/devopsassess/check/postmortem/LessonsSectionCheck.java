package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.postmortem.SectionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lessons-section}: a postmortem without "what went well" or "lessons learned" (or with that section left
 * empty) is a report of fault, not a record of learning. Postmortems not in English are not assessed, as their
 * headings cannot be recognised.
 */
public final class LessonsSectionCheck extends PostmortemCheck {

    public static final String ID = "lessons-section";

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
        for (Postmortem p : english) {
            List<Postmortem.Section> lessons = p.sections(SectionKind.LESSONS);
            if (lessons.isEmpty()) {
                findings.add(settings.warn(PostmortemFactsLabel.of(p) + " has no \"what went well\" or \"lessons"
                        + " learned\" section: what the team learned is not written down.", p.path(),
                        List.of(Evidence.line(p.path(), 1).withNote("sections: " + String.join(", ", p.sections()
                                .stream().map(Postmortem.Section::heading).filter(h -> !h.isEmpty()).toList())))));
            } else if (lessons.stream().allMatch(Postmortem.Section::empty)) {
                findings.add(settings.warn(PostmortemFactsLabel.of(p) + " leaves its \"" + lessons.get(0).heading()
                        + "\" section empty: what the team learned is not written down.", p.path(),
                        List.of(Evidence.line(p.path(), lessons.get(0).line()).withNote("empty section"))));
            }
        }
        return Judgement.of(findings, english.size(), (english.size() - findings.size()) + " of " + english.size()
                + " postmortems record lessons").lost(findings.size());
    }
}
