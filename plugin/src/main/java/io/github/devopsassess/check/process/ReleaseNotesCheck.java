package io.github.devopsassess.check.process;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.history.Tag;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.facts.pipeline.StepRole;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.facts.process.ReleaseNotesFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code release-notes}: a repository that publishes releases (version tags) whose recent releases came with no
 * notes: no changelog file changed since the release before, and no tool or pipeline step writes notes
 * (release-please, release-drafter, changesets, semantic-release, GitHub's generated notes, a release created with a
 * body). Support and users then learn what changed from the changes themselves. A bare {@code git tag} writes no
 * notes.
 *
 * <p>Releases are the version tags of the history ({@code v1.2.3}, {@code 1.2.3}, {@code jsoup-1.17.1},
 * {@code chart-0.6.0}) that point at an assessed commit of the last two years; moving tags on the same commit
 * ({@code v4}, {@code v4.2}) and pre-releases ({@code -rc1}, {@code -beta}) are left out. Each release is compared
 * with the one before it of the same name prefix (one component of a monorepo after another), by commit time.
 */
public final class ReleaseNotesCheck implements Check {

    public static final String ID = "release-notes";

    /** A version at the end of a tag name, after an optional component prefix. */
    private static final Pattern VERSION = Pattern.compile("^(?<prefix>.*?[-_/@]?)v?(?<version>\\d+(\\.\\d+){1,3})"
            + "(?<suffix>[-+.]?[0-9A-Za-z.]*)$");
    private static final Pattern PRE_RELEASE = Pattern.compile("(?i)(rc|alpha|beta|pre|dev|snapshot|nightly|preview"
            + "|canary|m\\d)");
    private static final long YEAR = 365L * 24 * 3600;
    private static final int LATEST = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, ReleaseNotesFacts.class);
    }

    /** A release: a version tag and the release before it of the same component. */
    private record Release(String name, String prefix, String commit, long time) {
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        HistoryFacts history = facts.get(HistoryFacts.class);
        ReleaseNotesFacts notes = facts.get(ReleaseNotesFacts.class);
        List<Release> releases = releases(history);
        if (releases.isEmpty()) {
            return Judgement.inapplicable("no release: no version tag points at a commit of the assessed history");
        }
        List<String> generated = new ArrayList<>();
        notes.generators().forEach(g -> generated.add(g.tool() + " (" + g.path() + ")"));
        facts.find(PipelineFacts.class).ifPresent(p -> generated.addAll(pipelineGenerators(p)));
        Map<String, List<Release>> byPrefix = new LinkedHashMap<>();
        releases.forEach(r -> byPrefix.computeIfAbsent(r.prefix(), k -> new ArrayList<>()).add(r));
        List<Release[]> recent = new ArrayList<>(); // {release, the one before}
        for (List<Release> component : byPrefix.values()) {
            for (int i = 1; i < component.size(); i++) {
                if (component.get(i).time() >= history.headTime() - 2 * YEAR) {
                    recent.add(new Release[] {component.get(i), component.get(i - 1)});
                }
            }
        }
        if (recent.isEmpty()) {
            return Judgement.inapplicable("no release in the last two years follows an earlier one ("
                    + Words.plural(releases.size(), "release tag", "release tags") + ", the latest "
                    + releases.get(releases.size() - 1).name() + ")");
        }
        recent.sort(Comparator.comparingLong((Release[] r) -> r[0].time()).reversed());
        List<Release[]> judged = recent.subList(0, Math.min(LATEST, recent.size()));
        if (!generated.isEmpty()) {
            return Judgement.clean(judged.size(), "release notes are written by " + String.join(", ", generated));
        }
        long[] changelogTimes = history.commits().stream().map(AuthoredCommit::commit)
                .filter(c -> c.files().stream().anyMatch(f -> ReleaseNotesFacts.changelog(f.path())
                        || ReleaseNotesFacts.changelog(f.oldPath())))
                .mapToLong(c -> c.commitTime()).sorted().toArray();
        List<String> remoteRelease = facts.find(PipelineFacts.class).map(ReleaseNotesCheck::remoteReleaseWorkflows)
                .orElse(List.of());
        List<Release[]> without = new ArrayList<>();
        for (Release[] r : judged) {
            if (!changedBetween(changelogTimes, r[1].time(), r[0].time())) {
                without.add(r);
            }
        }
        String considered = "the latest " + Words.plural(judged.size(), "release", "releases");
        if (without.isEmpty() || without.size() * 2 < judged.size()) {
            return Judgement.of(List.of(), judged.size(), (judged.size() - without.size()) + " of " + considered
                    + " changed a changelog (" + String.join(", ", notes.changelogs().stream().limit(3).toList())
                    + ")").lost(without.size());
        }
        if (!remoteRelease.isEmpty()) {
            return Judgement.inapplicable("unknown: " + without.size() + " of " + considered + " changed no changelog,"
                    + " but the releases are made by " + String.join(", ", remoteRelease) + ", a workflow of another"
                    + " repository that may write the notes");
        }
        List<String> releaseSteps = facts.find(PipelineFacts.class).map(ReleaseNotesCheck::releaseSteps)
                .orElse(List.of());
        if (notes.changelogs().isEmpty() && releaseSteps.isEmpty()) {
            return Judgement.inapplicable("unknown: " + without.size() + " of " + considered + " changed no"
                    + " changelog and no tool or pipeline step writes notes, but the repository keeps no changelog and"
                    + " no pipeline creates its releases, so their notes may be typed on the forge's release page,"
                    + " which the repository cannot show");
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Release[] r : without) {
            evidence.add(Evidence.commit(r[0].commit(), "release " + r[0].name() + " (" + day(r[0].time())
                    + "): no changelog changed since " + r[1].name() + " (" + day(r[1].time()) + ")"));
        }
        String kept;
        if (notes.changelogs().isEmpty()) {
            kept = "the repository keeps no changelog, its pipeline creates the releases without notes ("
                    + String.join(", ", releaseSteps) + ")";
        } else {
            kept = "the changelog " + notes.changelogs().get(0) + " was not changed for them";
            evidence.add(0, Evidence.file(notes.changelogs().get(0)).withNote("changelog not changed for these"
                    + " releases"));
        }
        String names = String.join(", ", without.stream().map(r -> r[0].name()).toList());
        Finding finding = settings.fail(without.size() + " of " + considered + " (" + names + ") came with no"
                + " release notes: " + kept + " and no tool or pipeline step writes notes, so support and users"
                + " learn what changed from the change itself.", "release-notes", evidence);
        return Judgement.of(List.of(finding), judged.size(), without.size() + " of " + considered
                + " changed no changelog and no notes are generated").lost(without.size());
    }

    /** Version tags on assessed commits up to the assessed one, one per commit, oldest first. */
    private static List<Release> releases(HistoryFacts history) {
        Set<String> assessed = new HashSet<>();
        history.commits().forEach(c -> assessed.add(c.commit().id()));
        history.merges().stream().map(Merge::id).forEach(assessed::add);
        Map<String, Release> byCommit = new HashMap<>();
        for (Tag t : history.tags()) {
            if (!assessed.contains(t.commit()) || t.commitTime() > history.headTime()) {
                continue;
            }
            Matcher m = VERSION.matcher(t.name());
            if (!m.matches() || PRE_RELEASE.matcher(m.group("suffix")).find()) {
                continue;
            }
            String prefix = m.group("prefix");
            Release r = new Release(t.name(), prefix, t.commit(), t.commitTime());
            // moving tags (v4, v4.2) beside the full version on the same commit: the longest name is the release
            byCommit.merge(t.commit() + "\u0000" + prefix, r, (a, b) -> a.name().length() >= b.name().length() ? a
                    : b);
        }
        List<Release> out = new ArrayList<>(byCommit.values());
        out.sort(Comparator.comparingLong(Release::time).thenComparing(Release::name));
        return out;
    }

    /** Steps of any pipeline that write release notes, named with their place. */
    private static List<String> pipelineGenerators(PipelineFacts pipelines) {
        List<String> out = new ArrayList<>();
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                for (Step s : j.steps()) {
                    if (s.has(StepRole.RELEASE_NOTES)) {
                        out.add("'" + s.name() + "' (" + s.at().label() + ")");
                    }
                }
            }
        }
        return out.stream().distinct().limit(3).toList();
    }

    /** Steps that create a release or a version tag without writing notes, named with their place. */
    private static List<String> releaseSteps(PipelineFacts pipelines) {
        List<String> out = new ArrayList<>();
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                for (Step s : j.steps()) {
                    if (s.has(StepRole.RELEASE) && !s.has(StepRole.RELEASE_NOTES)) {
                        out.add("'" + s.name() + "' at " + s.at().label());
                    }
                }
            }
        }
        return out.stream().distinct().limit(3).toList();
    }

    /** A release or continuous-delivery workflow of another repository that a job calls: it may draft the notes. */
    private static final Pattern RELEASE_WORKFLOW = Pattern.compile("(?i)(release|/cd\\.ya?ml|-cd\\.ya?ml|publish)");

    private static List<String> remoteReleaseWorkflows(PipelineFacts pipelines) {
        List<String> out = new ArrayList<>();
        for (Workflow w : pipelines.workflows()) {
            for (Job j : w.jobs()) {
                j.references().stream().filter(r -> "reusable-workflow".equals(r.kind())
                        && RELEASE_WORKFLOW.matcher(r.ref()).find()).forEach(r -> out.add(r.ref() + " ("
                                + r.at().label() + ")"));
            }
        }
        return out.stream().distinct().limit(3).toList();
    }

    private static boolean changedBetween(long[] times, long after, long upTo) {
        for (long t : times) {
            if (t > after && t <= upTo) {
                return true;
            }
        }
        return false;
    }

    private static String day(long epochSeconds) {
        return DAY.format(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
    }
}
