package io.github.devopsassess.engine;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Since;
import io.github.devopsassess.source.LineOrigins;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says since when each finding has been true: the commit that introduced the line its evidence points at, the oldest
 * when it points at several. Only evidence with a file and a line counts (a finding about something missing has no
 * line, and so no origin), and only while the assessed tree still holds that line as the commit left it: a working
 * tree whose file was edited since gives no origin rather than a wrong one. Files are read once each.
 */
final class FindingOrigins {

    private final RepoTree tree;
    private final LineOrigins origins;
    private final Map<String, String[]> files = new HashMap<>();

    /** @param origins the origins of lines at the assessed commit, or {@code null} when there is no history */
    FindingOrigins(RepoTree tree, LineOrigins origins) {
        this.tree = tree;
        this.origins = origins;
    }

    List<Finding> apply(List<Finding> findings) {
        if (origins == null || origins.shallow()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Optional<LineOrigins.Origin> oldest = f.evidence().stream().map(this::origin).flatMap(Optional::stream)
                    .min(Comparator.comparingLong(LineOrigins.Origin::commitTime)
                            .thenComparing(LineOrigins.Origin::commit));
            out.add(oldest.map(o -> f.withSince(Since.of(o.commit(), o.commitTime()))).orElse(f));
        }
        return out;
    }

    private Optional<LineOrigins.Origin> origin(Evidence e) {
        if (e.path() == null || e.startLine() == null || e.page() != null) {
            return Optional.empty();
        }
        Optional<LineOrigins.Origin> origin = origins.of(e.path(), e.startLine());
        if (origin.isEmpty()) {
            return origin;
        }
        String[] lines = files.computeIfAbsent(e.path(), p -> {
            RepoTree.TextRead read = tree.readText(p);
            return read.ok() ? read.text().split("\r\n|\r|\n", -1) : new String[0];
        });
        int n = e.startLine();
        return n <= lines.length && lines[n - 1].stripTrailing().equals(origin.get().text().stripTrailing())
                ? origin : Optional.empty();
    }
}
