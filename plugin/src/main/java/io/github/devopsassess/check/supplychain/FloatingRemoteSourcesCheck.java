package io.github.devopsassess.check.supplychain;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.supplychain.RemoteSource;
import io.github.devopsassess.facts.supplychain.RemoteSource.Kind;
import io.github.devopsassess.facts.supplychain.RemoteSource.RefKind;
import io.github.devopsassess.facts.supplychain.RemoteSources;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code floating-remote-sources}: code of other repositories taken at a moving reference — Terraform and Terragrunt
 * module sources, kustomize remote bases, pip and npm dependencies from git, {@code git clone} and {@code ADD} of a
 * repository in Dockerfiles and CI, scripts piped from a forge to a shell — outside what {@code unpinned-actions}
 * and {@code unpinned-images} judge. No reference, a branch ({@code main}, {@code master}, {@code develop},
 * {@code HEAD}, {@code latest}…, or a name this repository's own history merges as a branch) or an open version range
 * fails; the team's own organisation's repositories at a branch warn; a version tag is counted, not reported; a name
 * or a variable the files do not settle is reported as unknown in the summary. One finding per kind of source,
 * listing every reference with its places.
 */
public final class FloatingRemoteSourcesCheck implements Check {

    public static final String ID = "floating-remote-sources";

    /** How many places each finding lists. */
    private static final int EVIDENCE = 20;

    /** Branch names in merge subjects: "Merge branch 'x'", "Merge pull request #1 from o/x", "… into x". */
    private static final Pattern MERGED_BRANCH = Pattern.compile("Merge (?:remote-tracking )?branch '(?:origin/)?"
            + "([^']+)'|Merge pull request #\\d+ from [^/\\s]+/(\\S+)|\\binto '?([\\w./-]+)'?\\s*$");

    /** What to do, per kind of source. */
    private static final Map<Kind, String> FIX = new EnumMap<>(Map.of(
            Kind.TERRAFORM_MODULE, "set ?ref= to a commit SHA or a release tag, and a version = \"x.y.z\" (or"
                    + " \"~> x.y\") for registry modules",
            Kind.TERRAGRUNT_SOURCE, "set ?ref= (or ?version= for tfr://) to a commit SHA or a release tag",
            Kind.KUSTOMIZE, "add ?ref=<commit SHA or release tag> to each remote resource",
            Kind.PIP, "install from PyPI at a version, or end the git URL with @<commit SHA>",
            Kind.NPM, "use a published version, or end the git URL with #<commit SHA>",
            Kind.GIT_CLONE, "check out a commit SHA or a release tag after the clone (git -C dir checkout <sha>)",
            Kind.DOCKER_ADD, "end the repository URL with #<commit SHA> or add --checksum=",
            Kind.PIPED_SCRIPT, "download the script from a release tag or commit and verify its checksum before"
                    + " running it"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(RemoteSources.class);
    }

    /** One reference and every place it is used. */
    private record Ref(RemoteSource first, List<RemoteSource> places) {
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        RemoteSources sources = facts.get(RemoteSources.class);
        Optional<TreeFacts> tree = facts.find(TreeFacts.class);
        String self = tree.map(TreeFacts::repository).map(r -> r.toLowerCase(Locale.ROOT)).orElse(null);
        String own = tree.flatMap(TreeFacts::owner).map(o -> o.toLowerCase(Locale.ROOT)).orElse(null);
        Set<String> branches = facts.find(HistoryFacts.class).map(FloatingRemoteSourcesCheck::mergedBranches)
                .orElse(Set.of());
        Map<String, Ref> refs = new LinkedHashMap<>();
        int selfCount = 0;
        for (RemoteSource s : sources.sources()) {
            if (self != null && s.target().toLowerCase(Locale.ROOT).endsWith("/" + self)
                    && s.target().indexOf('/') == s.target().length() - self.length() - 1) {
                selfCount++; // the repository itself: not a third party
                continue;
            }
            String key = s.kind() + " " + s.target() + " " + s.ref();
            refs.computeIfAbsent(key, k -> new Ref(s, new ArrayList<>())).places().add(s);
        }
        if (refs.isEmpty()) {
            return Judgement.inapplicable("no code of another repository is taken by a module source, kustomize"
                    + " resource, git dependency, clone or piped script"
                    + (sources.filesRead() == 0 ? "" : " (" + Words.plural(sources.filesRead(), "file", "files")
                            + " read)"));
        }
        Map<Kind, List<Ref>> strangers = new EnumMap<>(Kind.class);
        Map<Kind, List<Ref>> ours = new EnumMap<>(Kind.class);
        int pinned = 0;
        int tagged = 0;
        List<String> unknown = new ArrayList<>();
        for (Ref r : refs.values()) {
            RemoteSource s = r.first();
            boolean ourOrganisation = own != null && s.owner() != null && own.equals(s.owner().toLowerCase(Locale.ROOT));
            RefKind kind = s.pinning();
            if (kind == RefKind.NAME && ourOrganisation && branches.contains(s.ref())) {
                kind = RefKind.BRANCH; // the team's own convention: this repository merges a branch of that name
            }
            switch (kind) {
                case COMMIT -> pinned++;
                case VERSION -> tagged++;
                case NAME, VARIABLE -> unknown.add(s.kind().title() + " " + s.shown() + " (" + s.path() + ":"
                        + s.line() + (kind == RefKind.VARIABLE ? ", a variable set nowhere in the repository"
                                : ", a branch or a tag") + ")");
                default -> (ourOrganisation ? ours : strangers).computeIfAbsent(s.kind(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        List<Finding> findings = new ArrayList<>();
        int lostStrangers = 0;
        int lostOurs = 0;
        for (Map.Entry<Kind, List<Ref>> e : strangers.entrySet()) {
            lostStrangers += e.getValue().size();
            findings.add(settings.fail(message(e.getKey(), e.getValue(), false), e.getKey().id(),
                    evidence(e.getValue())));
        }
        // The team's own repositories at a branch are stated, not reported: every such finding on the accuracy corpus
        // was labelled trivial (a documented release channel, the organisation's own theme or build scripts).
        List<String> oursShown = new ArrayList<>();
        for (Map.Entry<Kind, List<Ref>> e : ours.entrySet()) {
            lostOurs += e.getValue().size();
            e.getValue().forEach(r -> oursShown.add(described(r.first()) + " (" + r.first().path() + ":"
                    + r.first().line() + ")"));
        }
        String summary = lostStrangers + " of " + Words.plural(refs.size(), "remote source", "remote sources")
                + " of others follow a branch, no reference or an open range" + (lostOurs == 0 ? "" : "; " + lostOurs
                        + " of the team's own organisation do, a release channel it controls (not judged): "
                        + Listing.some(oursShown, 5, "; ")) + "; " + pinned + " pinned to a commit, " + tagged
                + " to a version tag" + (unknown.isEmpty() ? "" : "; " + unknown.size() + " unknown, because the files"
                        + " do not say whether the reference moves: " + Listing.some(unknown, 5, "; "))
                + (selfCount == 0 ? "" : "; " + selfCount + " of the repository itself left out");
        if (refs.size() == lostOurs) {
            return Judgement.inapplicable("only the team's own repositories are pulled in: " + summary)
                    .metrics(Map.of("floatingRemoteSources", lostStrangers + lostOurs));
        }
        return Judgement.of(findings, refs.size() - lostOurs, summary).lost(lostStrangers)
                .metrics(Map.of("floatingRemoteSources", lostStrangers + lostOurs));
    }

    private static String message(Kind kind, List<Ref> refs, boolean ours) {
        List<String> shown = new ArrayList<>();
        for (Ref r : refs) {
            shown.add(described(r.first()) + (r.places().size() > 1 ? " (" + r.places().size() + " places)" : ""));
        }
        String what = Words.plural(refs.size(), kind.title(), kind.title() + "s");
        return what + (ours ? " of the team's own organisation" : "") + (refs.size() == 1 ? " follows" : " follow")
                + " a branch or no fixed reference (" + Listing.some(shown, 5, ", ") + "): "
                + (ours ? "a push to that repository changes this one without a review here"
                        : "whatever their owners push next is built or applied here") + ". Pin it: "
                + FIX.get(kind) + ".";
    }

    private static String described(RemoteSource s) {
        String ref = switch (s.pinning()) {
            case NONE -> " (no ref)";
            case RANGE -> " (version " + s.ref() + ", no upper bound)";
            default -> " @ " + s.ref();
        };
        return s.target() + ref;
    }

    private static List<Evidence> evidence(List<Ref> refs) {
        List<Evidence> out = new ArrayList<>();
        for (Ref r : refs) {
            for (RemoteSource s : r.places()) {
                out.add(Evidence.line(s.path(), s.line()).withNote(described(s)
                        + (s.via() == null ? "" : ", where " + s.via())));
            }
        }
        return out.stream().distinct().limit(EVIDENCE).toList();
    }

    /** Branch names this repository's merges name. */
    private static Set<String> mergedBranches(HistoryFacts history) {
        Set<String> names = new HashSet<>();
        for (Merge m : history.merges()) {
            Matcher b = MERGED_BRANCH.matcher(m.subject() == null ? "" : m.subject());
            while (b.find()) {
                for (int g = 1; g <= 3; g++) {
                    if (b.group(g) != null) {
                        names.add(b.group(g));
                    }
                }
            }
        }
        return new TreeSet<>(names);
    }
}
