package io.github.devopsassess.report.sections;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.report.Adoc;
import io.github.devopsassess.report.SiteSection;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentMatrix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The "Environments" section of the environment-parity page: settings, images and runtimes side by side, one
 * column per environment (or runtime stage), each cell with its value (credentials already masked by the scanner) and
 * the file and line it comes from; rows where the environments disagree say so in words.
 */
public final class EnvironmentsSection implements SiteSection {

    public static final String AREA = "environment-parity";
    /** A page with thousands of rows helps nobody and takes long to render; differing rows are kept first. */
    static final int MAX_ROWS = 200;

    @Override
    public List<Section> sections(SiteContext context) {
        if (!AREA.equals(context.area())) {
            return List.of();
        }
        Optional<EnvironmentMatrix> found = context.facts().find(EnvironmentFacts.class).map(EnvironmentFacts::matrix);
        if (found.isEmpty() || found.get().rows().isEmpty()) {
            return List.of();
        }
        EnvironmentMatrix matrix = found.get();
        List<EnvironmentMatrix.Row> shown = bounded(matrix.rows());
        long differing = matrix.rows().stream().filter(EnvironmentMatrix.Row::differs).count();
        StringBuilder a = new StringBuilder();
        a.append(Words.plural(matrix.rows().size(), "setting, image or runtime", "settings, images and runtimes"))
                .append(" across ").append(Words.plural(matrix.columns().size(), "column", "columns")).append("; ")
                .append(differing).append(" ").append(Words.noun(differing, "differs", "differ"))
                .append(" between environments (marked *differs*)."
                        + " A cell shows the value and where it is set; _not set_ means the environment does not"
                        + " set it. Credentials are masked.\n\n");
        int cols = matrix.columns().size();
        a.append("[.env-matrix,cols=\"2,1").append(",2".repeat(cols)).append("\",options=\"header\"]\n|===\n")
                .append("|Setting |Differs");
        for (String c : matrix.columns()) {
            a.append(" |").append(Adoc.text(c));
        }
        a.append("\n");
        for (EnvironmentMatrix.Row row : shown) {
            a.append("|").append(Adoc.code(row.name())).append(" +\n").append(Adoc.text(row.kind() + ", "
                    + row.group()));
            a.append(" |").append(row.differs() ? "[.env-differs]#differs#" : "[.env-same]#same#");
            for (String c : matrix.columns()) {
                EnvironmentMatrix.Cell cell = row.cells().get(c);
                a.append(" |");
                if (cell == null) {
                    a.append("[.env-unset]#not set#");
                } else {
                    a.append(Adoc.code(cell.value() == null || cell.value().isEmpty() ? "(empty)" : cell.value()))
                            .append(" +\n[.env-source]#").append(Adoc.text(cell.path() + ":" + cell.line()))
                            .append("#");
                }
            }
            a.append("\n");
        }
        a.append("|===\n\n");
        int left = matrix.rows().size() - shown.size();
        if (left > 0) {
            long leftDiffering = differing - shown.stream().filter(EnvironmentMatrix.Row::differs).count();
            a.append(left).append(" more rows are left out (").append(leftDiffering)
                    .append(" of them differ); the table shows at most ").append(MAX_ROWS)
                    .append(", differing rows first.\n\n");
        }
        return List.of(new Section("Environments", a.toString()));
    }

    /** At most {@link #MAX_ROWS} rows, differing ones chosen first, kept in the matrix's order. */
    static List<EnvironmentMatrix.Row> bounded(List<EnvironmentMatrix.Row> rows) {
        if (rows.size() <= MAX_ROWS) {
            return rows;
        }
        Set<Integer> keep = new HashSet<>();
        for (int pass = 0; pass < 2 && keep.size() < MAX_ROWS; pass++) {
            for (int i = 0; i < rows.size() && keep.size() < MAX_ROWS; i++) {
                if (rows.get(i).differs() == (pass == 0)) {
                    keep.add(i);
                }
            }
        }
        List<EnvironmentMatrix.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.contains(i)) {
                out.add(rows.get(i));
            }
        }
        return out;
    }
}
