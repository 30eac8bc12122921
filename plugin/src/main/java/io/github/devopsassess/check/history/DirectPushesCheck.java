package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.ownership.AccessFacts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code direct-pushes}: commits of the last {@code windowDays} that reached the assessed branch without a trace of
 * review. History as mined has no branch topology, so the rule is kept simple and explainable: in a squash or rebase
 * workflow (no merge commits in the window) a non-merge commit by a person (bots excluded) whose subject names no
 * pull or merge request ({@code (#123)}, {@code !45}) and that has no review trailer ({@code Reviewed-by},
 * {@code Reviewed-on}, {@code Approved-by}) was pushed directly. When the window has merge commits, commits that came
 * in through a merged branch cannot be told apart, and the check says so instead of guessing.
 */
public final class DirectPushesCheck extends HistoryCheck {

    public static final String ID = "direct-pushes";

    private static final Pattern REQUEST = Pattern.compile("\\(#\\d+\\)|(?<![\\w!])![0-9]+\\b|(?i)\\b(pull|merge)"
            + " request\\b");
    /** Subjects of release steps: "Bump version: v4.2.0", "Release 1.2.0", "[maven-release-plugin] prepare …". */
    private static final Pattern RELEASE_STEP = Pattern.compile("(?i)^\\s*(bump (the )?version\\b|release v?\\d|"
            + "(chore|build)(\\([^)]*\\))?: (release|bump version)\\b|\\[maven-release-plugin\\]|prepare (for )?(the )?"
            + "(next )?release\\b|v?\\d+\\.\\d+(\\.\\d+)*\\s*$)");
    private static final Set<String> REVIEW_TRAILERS = Set.of("reviewed-by", "reviewed-on", "approved-by",
            "acked-by", "pr-url", "merge-request");

    @Override
    protected boolean repeatsSoleMaintainer() {
        return true;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        int days = settings.intThreshold("windowDays", 90);
        long cutoff = history.headTime() - days * 86_400L;
        long merges = history.merges().stream().filter(m -> m.commitTime() >= cutoff).count();
        if (merges > 0) {
            return Judgement.inapplicable(Words.plural(merges, "merge commit", "merge commits") + " in the last "
                    + days + " days: commits that came in"
                    + " through a merged branch cannot be told apart from direct pushes without branch topology");
        }
        List<AuthoredCommit> recent = history.commits().stream()
                .filter(c -> !c.author().bot() && c.commit().commitTime() >= cutoff)
                // a release step (version bump, changelog of the release) is pushed by the release process itself
                .filter(c -> c.commit().subject() == null || !RELEASE_STEP.matcher(c.commit().subject()).find())
                .toList();
        if (recent.isEmpty()) {
            return Judgement.inapplicable("no commit by a person in the last " + days + " days");
        }
        List<AuthoredCommit> direct = recent.stream().filter(c -> !reviewed(c)).toList();
        int minCommits = settings.intThreshold("minCommits", 10);
        if (recent.size() < minCommits) {
            return Judgement.inapplicable(Words.plural(recent.size(), "commit", "commits") + " by people in the last "
                    + days + " days (fewer than " + minCommits + "): too few to tell how changes reach the branch"
                    + history.confidenceNote())
                    .metrics(Map.of("directPushes", direct.size()));
        }
        // An occasional direct commit (a maintainer's changelog fix) is what an admin bypass allows; a practice of
        // pushing is what matters: judges of real repositories labelled 3 of 61 trivial and 12 of 71 correct.
        double share = settings.threshold("maxDirectShare", 0.05);
        int max = Math.max(settings.intThreshold("maxDirect", 0), (int) Math.floor(share * recent.size()));
        String summary = direct.size() + " of " + Words.plural(recent.size(), "commit", "commits") + " of the last "
                + days + " days " + Words.noun(direct.size(), "shows", "show") + " no"
                + " trace of review (at most " + max + ", " + Math.round(share * 100) + "% of them, tolerated)"
                + history.confidenceNote();
        Map<String, Object> metrics = Map.of("directPushes", direct.size());
        if (direct.size() <= max) {
            return Judgement.clean(summary).metrics(metrics);
        }
        List<Evidence> evidence = direct.stream().sorted((a, b) -> Long.compare(b.commit().commitTime(),
                a.commit().commitTime())).limit(10).map(c -> Evidence.commit(c.commit().id(), c.author().display()
                + ": " + c.commit().subject())).toList();
        boolean declared = facts.find(AccessFacts.class).map(a -> a.protections().stream()
                .anyMatch(p -> p.enabled() && a.coversDefault(p))).orElse(false);
        String tail = declared ? ", although settings as code declare the default branch protected." : ".";
        if (direct.size() == recent.size()) {
            String which = recent.size() == 1 ? "The only commit of the last " + days + " days names"
                    : "None of the " + recent.size() + " commits of the last " + days + " days names";
            Finding f = settings.warn(which + " a pull or merge request or a reviewer: pushed directly, or merged in"
                    + " a way that leaves no trace" + tail, "default-branch", evidence);
            return Judgement.of(List.of(f), recent.size(), summary).lost(direct.size()).metrics(metrics);
        }
        Finding f = settings.fail(direct.size() + " of the " + recent.size() + " commits of the last " + days
                + " days went to the branch without a pull or merge request, while the others did" + tail,
                "default-branch", evidence);
        return Judgement.of(List.of(f), recent.size(), summary).lost(direct.size()).metrics(metrics);
    }

    static boolean reviewed(AuthoredCommit c) {
        return REQUEST.matcher(c.commit().subject()).find()
                || c.commit().trailers().stream().anyMatch(REVIEW_TRAILERS::contains);
    }
}
