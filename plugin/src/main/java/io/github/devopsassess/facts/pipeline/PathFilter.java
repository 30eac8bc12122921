package io.github.devopsassess.facts.pipeline;

import io.github.devopsassess.parse.Glob;

import java.util.ArrayList;
import java.util.List;

/**
 * The branch and path filters of one trigger, as GitHub Actions writes them under {@code on.<event>}:
 * {@code branches}, {@code branches-ignore}, {@code paths} and {@code paths-ignore}. Patterns are GitHub's filter
 * patterns ({@code *} within a folder, {@code **} across folders, a leading {@code !} negates an earlier match, the
 * last match wins).
 *
 * @param branches branches the trigger runs for (empty: all)
 * @param branchesIgnore branches it does not run for
 * @param paths changed paths that start it (empty: any)
 * @param pathsIgnore changed paths that alone do not start it
 * @param at the line of {@code paths} or {@code paths-ignore}, or of the event when there is neither
 */
public record PathFilter(List<String> branches, List<String> branchesIgnore, List<String> paths,
        List<String> pathsIgnore, Location at) {

    public PathFilter {
        branches = List.copyOf(branches);
        branchesIgnore = List.copyOf(branchesIgnore);
        paths = List.copyOf(paths);
        pathsIgnore = List.copyOf(pathsIgnore);
    }

    /** Whether changed paths decide if the trigger runs. */
    public boolean filtersPaths() {
        return !paths.isEmpty() || !pathsIgnore.isEmpty();
    }

    /** Whether a change of this one file starts the trigger (GitHub: a push of only ignored files does not). */
    public boolean admits(String file) {
        if (!paths.isEmpty() && !lastMatch(paths, file)) {
            return false;
        }
        return pathsIgnore.isEmpty() || !lastMatch(pathsIgnore, file);
    }

    /** Whether a push to this branch starts the trigger. */
    public boolean runsOn(String branch) {
        if (!branches.isEmpty() && !lastMatch(branches, branch)) {
            return false;
        }
        return branchesIgnore.isEmpty() || !lastMatch(branchesIgnore, branch);
    }

    /** The patterns that exclude files: {@code paths-ignore} as written, or "all but {@code paths}". */
    public List<String> exclusions() {
        List<String> out = new ArrayList<>();
        pathsIgnore.forEach(p -> out.add("paths-ignore " + p));
        if (!paths.isEmpty()) {
            out.add("paths " + String.join(", ", paths));
        }
        return out;
    }

    /** GitHub's rule: patterns apply in order, {@code !pattern} takes back an earlier match, the last match wins. */
    private static boolean lastMatch(List<String> patterns, String value) {
        boolean matched = false;
        for (String p : patterns) {
            boolean negated = p.startsWith("!");
            Glob g = glob(negated ? p.substring(1) : p);
            if (g != null && g.matches(value)) {
                matched = !negated;
            }
        }
        return matched;
    }

    /** A malformed pattern (the parser reported it) matches nothing. */
    private static Glob glob(String pattern) {
        try {
            return Glob.of(pattern);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
