package io.github.devopsassess.facts;

import java.util.List;

/**
 * The files of the assessed subtree.
 *
 * @param subtree the assessed folder relative to the repository root
 * @param files repository-relative paths, sorted
 * @param source describes where the files were read ("commit 1a2b of /x.git")
 */
public record TreeFacts(String subtree, List<String> files, String source) {
    public TreeFacts {
        files = List.copyOf(files);
    }
}
