package io.github.devopsassess.scan.process;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.process.ReleaseNotesFacts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    @Override
    public String id() {
        return "release-notes";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        List<String> changelogs = new ArrayList<>();
        List<ReleaseNotesFacts.Generator> generators = new ArrayList<>();
        for (String path : context.tree().files()) {
            if (ReleaseNotesFacts.changelog(path)) {
                changelogs.add(path);
            }
            for (Map.Entry<Pattern, String> g : GENERATORS.entrySet()) {
                if (g.getKey().matcher(path).find()) {
                    generators.add(new ReleaseNotesFacts.Generator(g.getValue(), path));
                }
            }
        }
        changelogs.sort(Comparator.naturalOrder());
        generators.sort(Comparator.comparing(ReleaseNotesFacts.Generator::path));
        facts.put(ReleaseNotesFacts.class, new ReleaseNotesFacts(changelogs, generators));
    }
}
