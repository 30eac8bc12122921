package io.github.devopsassess.portfolio;

import io.github.devopsassess.gate.GateSettings;

import java.util.ArrayList;
import java.util.List;

/** The gate's score rules applied to every repository of a portfolio. */
public final class PortfolioGate {

    private PortfolioGate() {
    }

    /** One message per repository below the minimums or dropped beyond the tolerance since its previous run. */
    public static List<String> regressions(Portfolio portfolio, GateSettings settings) {
        List<String> out = new ArrayList<>();
        for (Portfolio.Row r : portfolio.repositories()) {
            if (settings.minimumScore() != null && (r.score() == null || r.score() < settings.minimumScore())) {
                out.add(r.name() + ": score " + (r.score() == null ? "not assessed" : r.score())
                        + " is below the minimum " + settings.minimumScore() + " (" + r.source() + ")");
            }
            if (settings.minimumLevel() != null) {
                int wanted = settings.levels().indexOf(settings.minimumLevel());
                int actual = r.level() == null ? -1 : settings.levels().indexOf(r.level());
                if (actual < wanted) {
                    out.add(r.name() + ": level " + (r.level() == null ? "not assessed" : r.level())
                            + " is below the minimum " + settings.minimumLevel() + " (" + r.source() + ")");
                }
            }
            if (r.previousScore() != null && r.score() != null
                    && r.score() < r.previousScore() - settings.tolerance()) {
                out.add(r.name() + ": score dropped from " + r.previousScore() + " to " + r.score() + " ("
                        + r.source() + ")");
            }
        }
        return out;
    }
}
