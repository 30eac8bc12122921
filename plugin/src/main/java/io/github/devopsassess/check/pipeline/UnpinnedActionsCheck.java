package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import java.util.Locale;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code unpinned-actions}: actions, reusable workflows, orbs, GitLab includes of other projects, remote files or
 * components, and Jenkins shared libraries referenced by a tag or branch (or nothing) instead of a full commit SHA.
 * Whoever controls the tag controls what runs with this pipeline's secrets. A branch, no version or
 * {@code main}/{@code master}/{@code latest} fails; a version tag warns. One finding per kind of pinning, listing
 * each reference with every place it is used. It is judged even when the pipeline itself is opaque (a Jenkinsfile
 * that only calls its shared library): the library's version is written here.
 */
public final class UnpinnedActionsCheck implements Check {

    public static final String ID = "unpinned-actions";

    /** GitHub's own actions, which a version tag from GitHub itself moves only for fixes. */
    private static final java.util.regex.Pattern GITHUB_OWN = java.util.regex.Pattern.compile("^(actions|github)/");

    /** An exact semantic version at the end of a reference ({@code @6.1.0}). */
    private static final java.util.regex.Pattern EXACT_VERSION = java.util.regex.Pattern.compile("@\\d+\\.\\d+\\.\\d+$");

    /**
     * GitHub's own actions at a major version GitHub has retired, with the reason: the last major that runs on
     * Node 12 (runners moved such actions to Node 16 in 2023) or Node 16 (moved to Node 20 in 2024), and the
     * artifact actions before v4, which stopped working on 2025-01-30. Newer majors are left alone.
     */
    private static final Map<String, Retired> RETIRED = Map.of(
            "actions/checkout", new Retired(2, 3),
            "actions/setup-node", new Retired(2, 3),
            "actions/setup-java", new Retired(2, 3),
            "actions/setup-go", new Retired(2, 3),
            "actions/setup-python", new Retired(2, 4),
            "actions/upload-artifact", new Retired(0, 3),
            "actions/download-artifact", new Retired(0, 3));

    /** The last major on Node 12 and the last major retired in all (0: none). */
    private record Retired(int lastNode12, int lastRetired) {
    }

    private static final java.util.regex.Pattern MAJOR = java.util.regex.Pattern.compile("^v(\\d+)(\\.\\d+)*$");

    /** Why the reference is a retired major of GitHub's own actions, or {@code null}. */
    static String retired(String ref) {
        int at = ref.indexOf('@');
        if (at < 0) {
            return null;
        }
        Retired r = RETIRED.get(ref.substring(0, at).toLowerCase(Locale.ROOT));
        java.util.regex.Matcher m = MAJOR.matcher(ref.substring(at + 1));
        if (r == null || !m.matches()) {
            return null;
        }
        int major = Integer.parseInt(m.group(1));
        if (major > r.lastRetired()) {
            return null;
        }
        if (ref.contains("-artifact@")) {
            return "artifact actions before v4 stopped working on 2025-01-30";
        }
        return major <= r.lastNode12() ? "runs on Node 12" : "runs on Node 16";
    }

    /** How many places are listed as evidence. */
    private static final int EVIDENCE = 10;

    /**
     * The first place of each reference, then its first place in each other file that uses it (the same action in
     * another workflow is another place to pin, often with other secrets), at most {@link #EVIDENCE} in all.
     */
    private static List<Evidence> evidence(Map<String, List<Reference>> refs) {
        List<Evidence> out = new ArrayList<>();
        List<Evidence> otherFiles = new ArrayList<>();
        refs.forEach((ref, uses) -> {
            Set<String> files = new HashSet<>();
            for (Reference r : uses) {
                if (!files.add(r.at().path())) {
                    continue;
                }
                if (files.size() == 1) {
                    out.add(Evidence.line(r.at().path(), r.at().line()).withNote(kind(r) + ref
                            + (uses.size() > 1 ? " (" + uses.size() + " uses)" : "")));
                } else {
                    otherFiles.add(Evidence.line(r.at().path(), r.at().line()).withNote(kind(r) + ref));
                }
            }
        });
        out.addAll(otherFiles);
        return out.size() <= EVIDENCE ? out : out.subList(0, EVIDENCE);
    }

    /** How a reference that is not a GitHub action is named in evidence. */
    private static String kind(Reference r) {
        return switch (r.kind()) {
            case "jenkins-library" -> "shared library " + (r.ref().contains("@") ? "" : "(no version) ");
            case "gitlab-project" -> "include of project " + (r.ref().contains("@") ? "" : "(no ref) ");
            case "gitlab-remote" -> "remote include ";
            case "gitlab-component" -> "component ";
            default -> "";
        };
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** Scanned, not necessarily readable: an opaque pipeline still names the library version it loads. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.get(PipelineFacts.class);
        Map<String, List<Reference>> byRef = new TreeMap<>();
        for (Workflow w : pipelines.workflows()) {
            List<Reference> refs = new ArrayList<>(w.imports());
            w.jobs().forEach(j -> refs.addAll(j.references()));
            for (Reference r : refs) {
                // GitLab's own templates move with the GitLab version, like GitHub's own actions with theirs
                if (!r.image() && r.pinning() != Pinning.LOCAL && !"gitlab-template".equals(r.kind())) {
                    byRef.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        if (byRef.isEmpty()) {
            return Judgement.inapplicable("the pipelines use no third-party actions, reusable workflows, orbs,"
                    + " includes of other projects or shared libraries");
        }
        // One root cause, one finding: the references that follow a branch (or nothing), and apart from them the
        // version tags, a lesser risk; GitHub's own actions (actions/, github/) at a version tag are left out.
        Map<String, List<Reference>> floating = new TreeMap<>();
        Map<String, List<Reference>> tagged = new TreeMap<>();
        Map<String, List<Reference>> retiredRefs = new TreeMap<>();
        String own = facts.find(TreeFacts.class).flatMap(TreeFacts::owner).map(o -> o.toLowerCase(Locale.ROOT) + "/")
                .orElse(null);
        int ownCount = 0;
        for (Map.Entry<String, List<Reference>> e : byRef.entrySet()) {
            Reference first = e.getValue().get(0);
            if (!first.pinning().mutable()) {
                continue;
            }
            if (own != null && e.getKey().toLowerCase(Locale.ROOT).startsWith(own)) {
                ownCount++; // the team's own organisation: its shared actions follow its branches on purpose
                continue;
            }
            if (first.pinning() == Pinning.TAG && retired(e.getKey()) != null) {
                retiredRefs.put(e.getKey(), e.getValue());
            } else if (first.pinning() != Pinning.TAG) {
                floating.put(e.getKey(), e.getValue());
            } else if (!GITHUB_OWN.matcher(e.getKey()).find() && !("orb".equals(first.kind())
                    && EXACT_VERSION.matcher(e.getKey()).find())) { // a published orb version cannot change
                tagged.put(e.getKey(), e.getValue());
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (!floating.isEmpty()) {
            findings.add(settings.fail(Words.plural(floating.size(), "third-party reference follows",
                    "third-party references follow") + " a branch or no version at"
                    + " all (" + Listing.some(new ArrayList<>(floating.keySet()), 5, ", ") + "): CI runs whatever their owners push next. Pin each to a full"
                    + " commit SHA; Dependabot or Renovate keeps the SHAs current.", "floating", evidence(floating)));
        }
        if (!tagged.isEmpty()) {
            findings.add(settings.warn(Words.plural(tagged.size(), "third-party reference uses",
                    "third-party references use") + " a version tag their owner can"
                    + " move (" + Listing.some(new ArrayList<>(tagged.keySet()), 5, ", ") + "): pin them to a full commit SHA where they get secrets or"
                    + " write access.", "version-tags", evidence(tagged)));
        }
        if (!retiredRefs.isEmpty()) {
            List<String> why = retiredRefs.keySet().stream().map(k -> k + " (" + retired(k) + ")").toList();
            boolean one = retiredRefs.size() == 1;
            findings.add(settings.warn((one ? "GitHub's own action " + why.get(0).replaceFirst(" \\(", " is at a"
                    + " major version GitHub has retired (") + ": the runner forces a newer Node on it or it fails,"
                    + " and it gets no fixes. Move it"
                    : retiredRefs.size() + " of GitHub's own actions are at a major version GitHub has retired ("
                            + Listing.some(why, 5, ", ") + "): the runner forces a newer Node on them or they fail,"
                            + " and they get no fixes. Move each")
                    + " to its current major version (and pin it to a commit SHA).",
                    "retired-majors", evidence(retiredRefs)));
        }
        return Judgement.of(findings, byRef.size(), (floating.size() + tagged.size() + retiredRefs.size()) + " of "
                + Words.plural(byRef.size(), "third-party reference", "third-party references")
                + " not pinned to a commit" + (ownCount == 0 ? "" : "; " + ownCount
                        + " of the team's own organisation left out")).lost(floating.size() + 0.5 * (tagged.size() + retiredRefs.size()));
    }
}
