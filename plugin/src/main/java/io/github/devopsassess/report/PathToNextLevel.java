package io.github.devopsassess.report;

import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;

/**
 * The path to the next level as the score package computed it: the few fixes that lift the score to the next level,
 * each with the points it is worth and the finding it closes, most points first.
 */
final class PathToNextLevel {

    private final Rubric rubric;
    private final Vocabulary words;
    /** "" on the index, "../" on a page one folder down. */
    private final String root;

    PathToNextLevel(Rubric rubric, String root) {
        this.rubric = rubric;
        this.words = new Vocabulary(rubric);
        this.root = root;
    }

    /**
     * @param what "the score" or "the area's score"
     * @param current the score now
     */
    void render(StringBuilder a, NextLevel next, int current, String what) {
        if (next == null || next.scoreReached()) {
            return;
        }
        a.append("[.path-to-level]\n");
        if (next.fixes().isEmpty()) {
            a.append("No check that had data can lift ").append(what).append(" to ").append(next.minScore())
                    .append(" on its own: measure the checks that had no data.\n\n");
            return;
        }
        int n = next.fixes().size();
        int reached = next.scoreWithFixes() == null ? current : next.scoreWithFixes();
        a.append("*Path to ").append(words.levelRole(next.level())).append(":* ")
                .append(n == 1 ? "this fix lifts " : "these " + n + " fixes lift ").append(what).append(" from ")
                .append(current).append(" to ").append(reached);
        a.append(reached >= next.minScore() ? ", enough for " + next.minScore() + ".\n\n"
                : "; " + next.minScore() + " needs more than that.\n\n");
        a.append("[.path-fixes]\n");
        for (NextLevel.Fix fix : next.fixes()) {
            a.append("* [.points]#+").append(Words.plural(fix.points(), "point", "points")).append("# link:").append(root).append(Vocabulary.checkPage(fix.check())).append("[")
                    .append(Adoc.text(fix.title())).append("]: ");
            a.append(fix.fingerprint() == null ? "now " : "closes ").append(Adoc.text(fix.closes()));
            if (fix.findings() > 1) {
                a.append(" (and ").append(Words.plural(fix.findings() - 1, "more finding", "more findings"))
                        .append(")");
            }
            CheckDef def = rubric.checks().get(fix.check());
            if (fix.fingerprint() != null && def != null) {
                a.append(" link:").append(root).append(Vocabulary.areaPage(def.area())).append("#finding-")
                        .append(fix.fingerprint()).append("[evidence]");
            }
            a.append("\n");
        }
        a.append("\n");
    }
}
