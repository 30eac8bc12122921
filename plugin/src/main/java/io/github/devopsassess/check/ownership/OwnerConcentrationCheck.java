package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code owner-concentration}: one person or team that owns most of the tree — the "exempt silo" every change must
 * pass through, and the DevOps person who carries everything.
 */
public final class OwnerConcentrationCheck implements Check {

    public static final String ID = "owner-concentration";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(OwnershipFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        if (ownership.files().isEmpty()) {
            return Judgement.inapplicable("the tree has no files");
        }
        Map<Owner, Integer> owned = new TreeMap<>();
        Map<Owner, FileOwnership> example = new TreeMap<>();
        for (FileOwnership f : ownership.files()) {
            for (Owner o : f.owners()) {
                owned.merge(o, 1, Integer::sum);
                example.putIfAbsent(o, f);
            }
        }
        int total = ownership.files().size();
        People names = People.in(facts);
        double maxIndividual = settings.threshold("maxIndividualShare", 0.5);
        double maxTeam = settings.threshold("maxTeamShare", 0.9);
        List<Finding> findings = new ArrayList<>();
        boolean failing = false;
        double worst = 0;
        for (Map.Entry<Owner, Integer> e : owned.entrySet()) {
            Owner o = e.getKey();
            double share = (double) e.getValue() / total;
            boolean individual = o.kind().individual();
            double limit = individual ? maxIndividual : maxTeam;
            if (share <= limit) {
                continue;
            }
            worst = Math.max(worst, share);
            FileOwnership f = example.get(o);
            List<Evidence> evidence = f.source() == null ? List.of() : List.of(Evidence.line(f.source(),
                    f.lines().get(0)));
            String message = String.format(Locale.ROOT, "%s owns %.0f%% of the files (%d of %d; limit %.0f%%): every"
                    + " change waits for %s, and responsibility is not shared.", names.owner(o), share * 100,
                    e.getValue(), total, limit * 100, individual ? "this one person" : "this one team");
            if (individual) {
                failing = true;
                // the subject shows the pseudonym; the fingerprint stays that of the handle, whatever the key
                findings.add(settings.fail(message, "owner:" + names.owner(o), evidence)
                        .withFingerprintOf("owner:" + o.name()));
            } else {
                findings.add(settings.warn(message, "owner:" + o.name(), evidence));
            }
        }
        String summary = Words.plural(owned.size(), "owner", "owners") + "; " + findings.size() + " own more than their limit ("
                + Math.round(maxIndividual * 100) + "% for a person, " + Math.round(maxTeam * 100) + "% for a team)";
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, 0, summary);
    }
}
