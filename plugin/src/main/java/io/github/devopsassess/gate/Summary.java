package io.github.devopsassess.gate;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one-screen summary at the end of a build, as console lines or GitHub step-summary Markdown. */
public final class Summary {

    private Summary() {
    }

    public static List<String> console(Assessment a, Optional<GateResult> gate) {
        List<String> lines = new ArrayList<>();
        lines.add("DevOps assessment of " + a.subject().name() + ": " + (a.score() == null ? "not assessed"
                : a.score() + "/100, level " + a.level()));
        for (AreaScore area : a.areas()) {
            lines.add(String.format("  %-24s %s", area.title(), area.assessed() ? area.score() + " (" + area.level()
                    + ")" : "not assessed"));
        }
        long waived = a.findings().stream().filter(Finding::waived).count();
        lines.add("  " + Words.plural(a.findings().size(), "finding", "findings") + (waived > 0 ? ", " + waived
                + " waived" : "")
                + (a.problems().isEmpty() ? "" : ", " + Words.plural(a.problems().size(), "input", "inputs")
                + " could not be read"));
        gate.ifPresent(g -> {
            if (g.passed()) {
                lines.add("  Gate: passed (" + Words.plural(g.newFindings(), "new finding", "new findings")
                        + " below the failing severity, "
                        + g.fixed().size() + " fixed)");
            } else {
                lines.add("  Gate: " + Words.plural(g.regressions().size(), "regression", "regressions"));
                g.regressions().stream().limit(5).forEach(r -> lines.add("    - " + r.message()));
            }
        });
        return lines;
    }

    public static String markdown(Assessment a, Optional<GateResult> gate) {
        StringBuilder md = new StringBuilder();
        md.append("### DevOps assessment: ").append(md(a.subject().name())).append("\n\n");
        md.append("**").append(a.score() == null ? "Not assessed" : a.score() + "/100, level " + a.level())
                .append("**\n\n| Area | Score | Level |\n|---|---:|---|\n");
        for (AreaScore area : a.areas()) {
            md.append("| ").append(md(area.title())).append(" | ").append(area.assessed() ? area.score() : "–")
                    .append(" | ").append(area.assessed() ? area.level() : "not assessed").append(" |\n");
        }
        gate.ifPresent(g -> {
            md.append('\n');
            if (g.passed()) {
                md.append("Gate passed: ").append(Words.plural(g.newFindings(), "new finding", "new findings"))
                        .append(" below the failing severity, ")
                        .append(g.fixed().size()).append(" fixed.\n");
            } else {
                md.append("Gate failed:\n\n");
                g.regressions().forEach(r -> md.append("- ").append(md(r.message())).append('\n'));
            }
        });
        List<Finding> top = a.findings().stream().filter(f -> !f.waived()).limit(5).toList();
        if (!top.isEmpty()) {
            md.append("\nTop findings:\n\n");
            top.forEach(f -> md.append("- **").append(f.severity().id()).append("** ").append(md(f.message()))
                    .append('\n'));
        }
        return md.toString();
    }

    /** Markdown-escapes repository text so that it cannot inject markup or HTML into the step summary. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\`*_{}[]()#+-.!|<>&~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }
}
