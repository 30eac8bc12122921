package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.history.TruckFactors;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.TruckFactor;
import io.github.devopsassess.analysis.DegreeOfAuthorship;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code module-truck-factor}: the truck factor of each top-level module (same degree-of-authorship algorithm as
 * {@code truck-factor}, over the module's files). A module whose knowledge leaves with one person is a silo even when
 * the repository as a whole looks healthy.
 */
public final class ModuleTruckFactorCheck extends HistoryCheck {

    public static final String ID = "module-truck-factor";

    @Override
    protected boolean repeatsSoleMaintainer() {
        return true;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, TruckFactors.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        int minFiles = settings.intThreshold("minFiles", 3);
        int fail = settings.intThreshold("fail", 1);
        String prefix = HistoryViews.prefix(facts);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (Map.Entry<String, TruckFactor> e : facts.get(TruckFactors.class).modules()
                .entrySet()) {
            TruckFactor tf = e.getValue();
            if (tf.files() < minFiles) {
                continue;
            }
            judged++;
            if (tf.value() <= fail) {
                String path = prefix + e.getKey();
                List<String> names = tf.removed().stream().map(k -> HistoryViews.display(history, k)).toList();
                findings.add(settings.fail("Module " + path + "/ has a truck factor of " + tf.value() + ": if "
                        + String.join(" and ", names) + " left, more than half of its " + tf.files()
                        + " source files would have no remaining author.", path,
                        List.of(new Evidence(path, null, null, null, tf.files() + " source files, authors: "
                                + String.join(", ", names)))));
            }
        }
        if (judged == 0) {
            return Judgement.inapplicable("no top-level module with at least " + minFiles + " source files");
        }
        String summary = findings.size() + " of " + Words.plural(judged, "module", "modules") + " "
                + Words.noun(findings.size(), "has", "have") + " a truck factor of " + fail + " or less"
                + history.confidenceNote();
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, judged, summary).lost(findings.size());
    }
}
