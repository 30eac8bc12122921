package io.github.devopsassess.engine;

import io.github.devopsassess.facts.People;
import io.github.devopsassess.mask.SecretMask;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the lines each piece of evidence points at, with one line of context on either side, so that a leader sees
 * the offending line next to the finding, with secret values masked. Files are read once each, through the
 * {@link RepoTree} that was assessed.
 */
final class EvidenceExcerpts {

    /** Lines shown at most per excerpt: a hint of the place, not a copy of the file. */
    static final int MAX_LINES = 7;
    /** Characters kept per line; minified or generated lines would otherwise swamp the page. */
    static final int MAX_LINE_LENGTH = 160;

    private final RepoTree tree;
    private final People people;
    private final Set<String> onCallFiles;
    private final Map<String, String[]> files = new HashMap<>();

    /** @param people how people are named: unless names are shown, the e-mails and handles an excerpt quotes are not */
    EvidenceExcerpts(RepoTree tree, People people) {
        this(tree, people, Set.of());
    }

    /**
     * @param people how people are named: unless names are shown, the e-mails, handles and names an excerpt quotes
     *     are not
     * @param onCallFiles the files the on-call scanner read: their lines also disguise the user names of people on
     *     call
     */
    EvidenceExcerpts(RepoTree tree, People people, Collection<String> onCallFiles) {
        this.tree = tree;
        this.people = people;
        this.onCallFiles = Set.copyOf(onCallFiles);
    }

    Map<String, SourceExcerpt> of(List<Finding> findings) {
        Map<String, SourceExcerpt> out = new TreeMap<>();
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                String key = SourceExcerpt.key(e);
                if (key != null && !out.containsKey(key)) {
                    SourceExcerpt excerpt = excerpt(e);
                    if (excerpt != null) {
                        out.put(key, excerpt);
                    }
                }
            }
        }
        return out;
    }

    private SourceExcerpt excerpt(Evidence e) {
        String[] lines = files.computeIfAbsent(e.path(), p -> {
            RepoTree.TextRead read = tree.readText(p);
            if (!read.ok()) {
                return new String[0];
            }
            // split drops the empty string after a final line break, so the last line is the file's last line.
            // The whole file is masked, not only the lines shown: a private key or a YAML block scalar that begins
            // above the excerpt is still recognised.
            return SecretMask.lines(Arrays.asList(read.text().split("\r\n|\r|\n"))).toArray(String[]::new);
        });
        int start = e.startLine();
        int end = e.endLine() == null ? start : Math.max(start, e.endLine());
        if (start < 1 || start > lines.length) {
            return null; // the evidence points past the end of the file (it changed since): show no excerpt
        }
        end = Math.min(end, lines.length);
        int from = Math.max(1, start - 1);
        int to = Math.min(lines.length, end + 1);
        if (to - from + 1 > MAX_LINES) {
            to = from + MAX_LINES - 1;
        }
        boolean codeowners = e.path().equals("CODEOWNERS") || e.path().endsWith("/CODEOWNERS");
        boolean onCall = onCallFiles.contains(e.path());
        List<String> shown = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            String line = people.disguise(lines[n - 1].replace("\t", "    "), codeowners, onCall);
            shown.add(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) + " …" : line);
        }
        return new SourceExcerpt(e.path(), from, shown, start, Math.min(end, to));
    }
}
