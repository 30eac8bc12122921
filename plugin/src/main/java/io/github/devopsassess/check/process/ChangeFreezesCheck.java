package io.github.devopsassess.check.process;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.process.ChangeFreeze;
import io.github.devopsassess.facts.process.ChangeFreezeFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;
import java.util.Map;

/**
 * {@code change-freezes}: change freezes declared as code, reported as information on the process area. A freeze can
 * be a sound decision (a peak season, an unstaffed weekend); the report shows where and how, so the team can ask
 * whether it still protects anything, and the score is not lowered.
 */
public final class ChangeFreezesCheck implements Check {

    public static final String ID = "change-freezes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(ChangeFreezeFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        List<ChangeFreeze> freezes = facts.get(ChangeFreezeFacts.class).freezes();
        if (freezes.isEmpty()) {
            return Judgement.clean("no change freeze declared in CI or Terraform");
        }
        List<Evidence> evidence = freezes.stream().map(f -> Evidence.line(f.path(), f.line())
                .withNote(f.kind() + ": " + f.text())).toList();
        String where = String.join(", ", freezes.stream().map(f -> f.path() + ":" + f.line()).distinct().limit(3)
                .toList()) + (freezes.size() > 3 ? " and " + (freezes.size() - 3) + " more" : "");
        Finding finding = settings.fail(Words.plural(freezes.size(), "change freeze is", "change freezes are")
                + " declared as code (" + where + "):"
                + " deploys wait for a calendar rather than for the evidence that a change is safe.", "change-freezes",
                evidence);
        // information: shown with its lines, never a lost point
        return Judgement.of(List.of(finding), 1, Words.plural(freezes.size(), "change freeze", "change freezes")
                + " declared").lost(0)
                .metrics(Map.of("changeFreezes", freezes.size()));
    }
}
