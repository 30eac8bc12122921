package io.github.devopsassess.scan.process;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.process.ReleaseNotesFacts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds where a repository keeps or makes its release notes: changelog files by name, and the configuration files
 * of the tools that write notes. Notes written by a pipeline step (GitHub's generated notes, a release with a body)
 * are read from the pipeline facts by the check. Only names are read here, so no file can be malformed.
 */
public final class ReleaseNotesScanner implements Scanner {

    /** Configuration file (by path, from the repository root of the assessed folder) → the tool it configures. */
    private static final Map<Pattern, String> GENERATORS = Map.ofEntries(
            Map.entry(Pattern.compile("(^|/)\\.github/release-drafter\\.ya?ml$"), "release-drafter"),
            Map.entry(Pattern.compile("(^|/)(release-please-config\\.json|\\.release-please-manifest\\.json)$"),
                    "release-please"),
            Map.entry(Pattern.compile("(^|/)\\.changeset/config\\.json$"), "changesets"),
            Map.entry(Pattern.compile("(^|/)(\\.releaserc(\\.(json|ya?ml|js|cjs|mjs))?|release\\.config\\."
                    + "(js|cjs|mjs))$"), "semantic-release"),
            Map.entry(Pattern.compile("(^|/)\\.?goreleaser\\.ya?ml$"), "goreleaser"),
            Map.entry(Pattern.compile("(^|/)cliff\\.toml$"), "git-cliff"),
            Map.entry(Pattern.compile("(^|/)towncrier\\.toml$"), "towncrier"),
            Map.entry(Pattern.compile("(^|/)jreleaser\\.(ya?ml|toml|json)$"), "JReleaser"),
            Map.entry(Pattern.compile("(^|/)\\.github/release\\.ya?ml$"), "GitHub generated release notes"),
            Map.entry(Pattern.compile("(^|/)\\.chglog/config\\.ya?ml$"), "git-chglog"),
            Map.entry(Pattern.compile("(^|/)\\.versionrc(\\.json)?$"), "standard-version"),
            Map.entry(Pattern.compile("(^|/)\\.release-it\\.(json|ya?ml|js|cjs)$"), "release-it"));

    /** What a path is to release notes: a changelog, and the tools whose configuration it is. */
    private record PathNotes(boolean changelog, List<String> tools) {
        static final PathNotes NOTHING = new PathNotes(false, List.of());
    }

    /**
     * What each path seen is, for as long as this scanner lives (one assessment with its trend points, which ask about
     * the same paths at every point): a dozen patterns per file of a large tree at every point were most of this
     * scanner's time. The trend's workers share it, hence a concurrent map.
     */
    private final Map<String, PathNotes> paths = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "release-notes";
    }

    private static PathNotes notes(String path) {
        List<String> tools = new ArrayList<>();
        for (Map.Entry<Pattern, String> g : GENERATORS.entrySet()) {
            if (g.getKey().matcher(path).find()) {
                tools.add(g.getValue());
            }
        }
        boolean changelog = ReleaseNotesFacts.changelog(path);
        return !changelog && tools.isEmpty() ? PathNotes.NOTHING : new PathNotes(changelog, List.copyOf(tools));
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        List<String> changelogs = new ArrayList<>();
        List<ReleaseNotesFacts.Generator> generators = new ArrayList<>();
        for (String path : context.tree().files()) {
            PathNotes notes = paths.computeIfAbsent(path, ReleaseNotesScanner::notes);
            if (notes.changelog()) {
                changelogs.add(path);
            }
            for (String tool : notes.tools()) {
                generators.add(new ReleaseNotesFacts.Generator(tool, path));
            }
        }
        changelogs.sort(Comparator.naturalOrder());
        generators.sort(Comparator.comparing(ReleaseNotesFacts.Generator::path));
        facts.put(ReleaseNotesFacts.class, new ReleaseNotesFacts(changelogs, generators));
    }
}
