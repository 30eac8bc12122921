package io.github.devopsassess.source;

import java.util.List;

/**
 * The files of the assessed repository, either of the working tree or of one commit. Paths are repository-relative
 * with forward slashes. The assessed subtree is a folder of the repository (the project's basedir); scanners look
 * there first, and at the repository root for things that only live there (CI definitions, CODEOWNERS).
 */
public interface RepoTree {

    /** The assessed folder relative to the repository root: "" for the root, else "a/b" without trailing slash. */
    String subtree();

    /** Every regular file in the assessed subtree, sorted. */
    List<String> files();

    /** Every regular file under a repository folder ("" for all), sorted. */
    List<String> filesUnder(String folder);

    boolean isFile(String path);

    /** Reads a file as text (UTF-8, undecodable bytes replaced), refusing binaries and files over the size limit. */
    TextRead readText(String path);

    /**
     * Reads at most the first {@code maxBytes} bytes of a file as text, for what only a file's head tells (a
     * generator's header): a large file is not read whole, nor refused for its size. Binaries are refused as in
     * {@link #readText}; the last character may be cut.
     */
    default TextRead readHead(String path, int maxBytes) {
        TextRead read = readText(path);
        return !read.ok() || read.text().length() <= maxBytes ? read : TextRead.of(read.text().substring(0, maxBytes));
    }

    /**
     * Reads a file's bytes as they are (a PDF postmortem), refusing files over the size limit.
     */
    BytesRead readBytes(String path);

    /**
     * An id of the file's content that is the same wherever and whenever the same bytes are read (a commit's blob id),
     * so that a scanner shared by the trend's points can remember what it derived from a file by it; {@code null} when
     * the tree cannot tell (a working tree, whose files may change while it is read) or the path is no file here.
     */
    default String contentId(String path) {
        return null;
    }

    /** "working tree of /x" or "commit 1a2b3c4 of /x.git", for messages. */
    String describe();

    /** Joins the subtree and a path relative to it. */
    default String inSubtree(String relative) {
        return subtree().isEmpty() ? relative : subtree() + "/" + relative;
    }

    /** The path relative to the subtree, or the path itself when it lies outside. */
    default String relativeToSubtree(String path) {
        String prefix = subtree().isEmpty() ? "" : subtree() + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /**
     * @param text the content, {@code null} when not read
     * @param skipped why it was not read ("missing", "binary", "too large: 12 MB over the 8 MB limit")
     */
    record TextRead(String text, String skipped) {
        public static TextRead of(String text) {
            return new TextRead(text, null);
        }

        public static TextRead skip(String reason) {
            return new TextRead(null, reason);
        }

        public boolean ok() {
            return text != null;
        }
    }

    /**
     * @param bytes the content, {@code null} when not read
     * @param skipped why it was not read ("missing", "too large: 12 MB over the 8 MB limit")
     */
    record BytesRead(byte[] bytes, String skipped) {
        public static BytesRead of(byte[] bytes) {
            return new BytesRead(bytes, null);
        }

        public static BytesRead skip(String reason) {
            return new BytesRead(null, reason);
        }

        public boolean ok() {
            return bytes != null;
        }
    }
}
