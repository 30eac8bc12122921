package io.github.devopsassess.facts.process;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a repository keeps or makes the notes of its releases, as its files show.
 *
 * @param changelogs changelog files of the current tree ({@code CHANGELOG.md}, {@code CHANGES.rst}, {@code NEWS},
 *     {@code HISTORY.md}, {@code docs/changelog.md}, release-note fragments), sorted
 * @param generators configurations of tools that write release notes (release-please, release-drafter,
 *     changesets, semantic-release, goreleaser, git-cliff, towncrier, JReleaser, GitHub's {@code .github/release.yml}
 *     for generated notes), sorted by path
 */
public record ReleaseNotesFacts(List<String> changelogs, List<Generator> generators) implements Input {

    /** A file or folder name that keeps release notes by hand. */
    private static final Pattern CHANGELOG = Pattern.compile("(?i)(^|/)((changelog|changes|history|news|whatsnew"
            + "|whats-new|release[-_ ]?notes|releases)(\\.(md|markdown|rst|txt|adoc|asciidoc|org))?"
            + "|(changelog|changelog\\.d|changes|newsfragments|release[-_]?notes|releasenotes/notes|\\.changeset)"
            + "/[^/]+\\.(md|markdown|rst|txt|ya?ml|adoc))$");

    /**
     * The configuration of a release-notes tool.
     *
     * @param tool the tool, e.g. {@code release-please}
     * @param path the file that configures it
     */
    public record Generator(String tool, String path) {
    }

    public ReleaseNotesFacts {
        changelogs = List.copyOf(changelogs);
        generators = List.copyOf(generators);
    }

    /** Whether a path (as history records it) is a changelog or a release-note fragment kept by hand. */
    public static boolean changelog(String path) {
        return path != null && !path.toLowerCase(Locale.ROOT).contains("node_modules/")
                && CHANGELOG.matcher(path).find() && !path.toLowerCase(Locale.ROOT).endsWith(".changeset/config.json");
    }

    /** Always usable: a repository without changelog or generator is what the check judges. */
    @Override
    public Optional<String> unusable() {
        return Optional.empty();
    }
}
