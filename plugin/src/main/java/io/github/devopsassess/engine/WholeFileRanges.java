package io.github.devopsassess.engine;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence that names a file but no line (a file whose authors have left, a file nobody owns) is about the whole
 * file: it gets the file's range, lines 1 to the last, so that every finding about a file is located like the
 * others (SARIF regions, excerpts, the report's links). Folders, missing files and evidence with a line stay as they
 * are. Files are read once each, through the {@link RepoTree} that was assessed.
 */
final class WholeFileRanges {

    private final RepoTree tree;
    private final Map<String, Integer> lineCounts = new HashMap<>();

    WholeFileRanges(RepoTree tree) {
        this.tree = tree;
    }

    List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        boolean any = false;
        for (Finding f : findings) {
            List<Evidence> evidence = new ArrayList<>(f.evidence().size());
            boolean changed = false;
            for (Evidence e : f.evidence()) {
                Evidence ranged = ranged(e);
                changed |= ranged != e;
                evidence.add(ranged);
            }
            out.add(changed ? f.withEvidence(evidence) : f);
            any |= changed;
        }
        return any ? out : findings;
    }

    private Evidence ranged(Evidence e) {
        if (e.path() == null || e.startLine() != null || e.page() != null || !tree.isFile(e.path())) {
            return e;
        }
        int lines = lineCounts.computeIfAbsent(e.path(), p -> {
            RepoTree.TextRead read = tree.readText(p);
            return read.ok() ? count(read.text()) : 0;
        });
        return lines == 0 ? e : new Evidence(e.path(), 1, lines, e.commit(), e.note());
    }

    /** Lines as an editor numbers them: a final line break ends the last line, it does not start another. */
    static int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        char last = text.charAt(text.length() - 1);
        return last == '\n' || last == '\r' ? n - 1 : n;
    }
}
