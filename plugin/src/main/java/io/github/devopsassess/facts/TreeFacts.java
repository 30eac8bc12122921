package io.github.devopsassess.facts;

import java.util.List;

/**
 * The files of the assessed subtree.
 *
 * @param subtree the assessed folder relative to the repository root
 * @param files repository-relative paths, sorted
 * @param source describes where the files were read ("commit 1a2b of /x.git")
 */
public record TreeFacts(String subtree, List<String> files, String source, String repository) {
    public TreeFacts {
        files = List.copyOf(files);
    }

    /** A tree whose repository's name on its forge is unknown. */
    public TreeFacts(String subtree, List<String> files, String source) {
        this(subtree, files, source, null);
    }

    /** The organisation or user that owns the repository ({@code owner} of {@code owner/name}), or empty. */
    public java.util.Optional<String> owner() {
        if (repository == null || repository.indexOf('/') <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(repository.substring(0, repository.indexOf('/')));
    }

    /** Files that are read, not built: a tree of only these has nothing to build, test or update. */
    private static final java.util.regex.Pattern DOCUMENT = java.util.regex.Pattern.compile("(?i)(\\.(md|markdown"
            + "|adoc|asciidoc|txt|rst|pdf|png|jpe?g|gif|svg|drawio|csv)|(^|/)(LICEN[CS]E|NOTICE|AUTHORS|CODEOWNERS"
            + "|\\.gitignore|\\.gitattributes|\\.editorconfig)[^/]*"
            // a title for a name and no extension ("PM2022-009 - Bad AWS EKS AMI"): a document saved without .md
            + "|(^|/)[^/.]* [^/.]*)$");

    /** Whether the tree holds files and all of them are documents. */
    public boolean documentsOnly() {
        return !files.isEmpty() && files.stream().allMatch(f -> DOCUMENT.matcher(f).find());
    }
}
