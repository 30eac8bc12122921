package io.github.devopsassess.check.process;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.Activity;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code approvals-beyond-reviewers}: branch protection declared as code that asks each change for more approving
 * reviews than the people who work on the repository can give. An author cannot approve their own change, so with
 * {@code n} people active a change can collect at most {@code n - 1} approvals: a rule above that cannot be met
 * without someone from outside or an administrator's bypass, and a rule of exactly {@code n - 1} (two or more) makes
 * every change wait for everyone else. Reviewers who never commit are invisible in git; when CODEOWNERS names a team,
 * whose members the repository does not list, the check says "unknown" instead of counting.
 */
public final class ApprovalsBeyondReviewersCheck implements Check {

    public static final String ID = "approvals-beyond-reviewers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(AccessFacts.class, HistoryFacts.class, Activity.class);
    }

    @Override
    public List<Class<?>> scanned() {
        return List.of(OwnershipFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        AccessFacts access = facts.get(AccessFacts.class);
        List<BranchProtection> rules = access.protections().stream()
                .filter(p -> p.enabled() && p.reviewsRequired() && p.requiredApprovals() > 0)
                .sorted(Comparator.comparing(BranchProtection::source).thenComparingInt(BranchProtection::line))
                .toList();
        if (rules.isEmpty()) {
            return Judgement.inapplicable(access.declared()
                    ? "no branch protection declared as code requires approving reviews"
                    : "unknown, because no settings as code declare branch protection (rules set in a web UI are"
                            + " invisible to this assessment)");
        }
        Set<String> teams = new TreeSet<>();
        facts.find(OwnershipFacts.class).flatMap(OwnershipFacts::active).ifPresent(file -> file.rules()
                .forEach(r -> r.owners().stream().filter(o -> o.kind() == Owner.Kind.TEAM)
                        .forEach(o -> teams.add(o.name()))));
        if (!teams.isEmpty()) {
            return Judgement.inapplicable("unknown, because CODEOWNERS names "
                    + Words.plural(teams.size(), "team", "teams") + " (" + String.join(", ", teams.stream().limit(3)
                    .toList()) + ") whose members may review without committing, so git cannot count the reviewers");
        }
        HistoryFacts history = facts.get(HistoryFacts.class);
        int days = settings.intThreshold("activeDays", 90);
        Set<String> people = activePeople(history, facts.get(Activity.class), days);
        if (people.isEmpty()) {
            return Judgement.inapplicable("nobody committed, merged or reviewed in the last " + days + " days, so"
                    + " nobody can be counted as a reviewer");
        }
        int reviewers = people.size();
        List<Finding> findings = new ArrayList<>();
        for (BranchProtection rule : rules) {
            int required = rule.requiredApprovals();
            Evidence where = Evidence.line(rule.source(), rule.line())
                    .withNote(rule.branch() + ": " + Words.plural(required, "approving review", "approving reviews"));
            String subject = "approvals:" + rule.branch();
            String team = Words.plural(reviewers, "person", "people") + " committed, merged or reviewed in the last "
                    + days + " days";
            if (required > reviewers - 1) {
                findings.add(settings.fail("Problem: " + rule.branch() + " needs "
                        + Words.plural(required, "approving review", "approving reviews") + " (" + rule.source() + ":"
                        + rule.line() + ") but only " + team + ", and an author cannot approve their own change:"
                        + " a change can collect at most " + Words.plural(reviewers - 1, "approval", "approvals")
                        + ", so every merge waits for someone from outside the team or an administrator's bypass.",
                        subject, List.of(where)));
            } else if (required >= 2 && required == reviewers - 1) {
                findings.add(settings.warn("Problem: " + rule.branch() + " needs "
                        + Words.plural(required, "approving review", "approving reviews") + " (" + rule.source() + ":"
                        + rule.line() + ") and " + team + ": every change waits for everyone else, so one person"
                        + " on leave stops all merges.", subject, List.of(where)));
            }
        }
        String summary = findings.isEmpty()
                ? "Pass: the required approvals fit the " + Words.plural(reviewers, "person", "people")
                        + " active in the last " + days + " days"
                : Words.plural(findings.size(), "protection rule asks", "protection rules ask")
                        + " for more approvals than the team can give";
        return Judgement.of(findings, rules.size(), summary)
                .metrics(Map.of("activeReviewers", reviewers, "approvalRules", rules.size()));
    }

    /** People (not bots) active within the window, by the one rule of {@link Activity}. */
    private static Set<String> activePeople(HistoryFacts history, Activity activity, int days) {
        long from = history.headTime() - days * HistoryViews.DAY;
        Set<String> people = new TreeSet<>();
        history.people().values().stream().filter(p -> !p.bot() && activity.activeAfter(p.key(), from))
                .forEach(p -> people.add(p.key()));
        return people;
    }
}
