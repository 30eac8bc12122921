package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code default-branch-protection}: whether settings as code protect the default branch with required reviews
 * that bind administrators too. Protection set only in a web UI cannot be seen, so without settings as code the
 * check says so instead of guessing.
 */
public final class DefaultBranchProtectionCheck implements Check {

    public static final String ID = "default-branch-protection";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(AccessFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        AccessFacts access = facts.get(AccessFacts.class);
        if (!access.declared()) {
            return Judgement.inapplicable("protection of the default branch cannot be verified: no"
                    + " .github/settings.yml, .github/sync-repo-settings.yaml or Terraform branch protection declares"
                    + " it, and protection set in a web UI is invisible to this assessment");
        }
        String branch = access.defaultBranch() != null ? access.defaultBranch()
                : access.protections().stream().anyMatch(p -> p.covers("master") && !p.covers("main")) ? "master"
                : "main";
        // an exact rule wins over a wildcard one, as on GitHub
        BranchProtection rule = access.protections().stream().filter(p -> p.covers(branch))
                .min(Comparator.comparing((BranchProtection p) -> !p.branch().equals(branch))
                        .thenComparing(BranchProtection::source).thenComparingInt(BranchProtection::line))
                .orElse(null);
        String subject = "default-branch:" + branch;
        if (rule == null) {
            Evidence where = Evidence.file(access.sources().get(0));
            if (access.protections().isEmpty() && !access.extendsFrom().isEmpty()) {
                // the branches may be declared in the settings this file extends, which are not in this repository
                return Judgement.inapplicable("unknown, because " + String.join(", ", access.sources())
                        + " declare no branch protection but extend the settings of " + String.join(", ",
                                access.extendsFrom()) + ", which are not in this repository");
            }
            if (access.protections().isEmpty()) {
                Finding f = settings.warn(String.join(", ", access.sources()) + " manage the repository but declare"
                        + " no branch protection: whether " + branch + " is protected is decided in a web UI, where"
                        + " changes are not reviewed.", subject, List.of(where));
                return Judgement.of(List.of(f), 0, "no branch protection declared as code");
            }
            Finding f = settings.fail("Settings as code protect other branches but not the default branch "
                    + branch + ": anyone with write access can push to it directly.", subject, List.of(where));
            return Judgement.of(List.of(f), 0, branch + " is not protected");
        }
        Evidence where = Evidence.line(rule.source(), rule.line());
        List<Finding> findings = new ArrayList<>();
        if (!rule.enabled()) {
            findings.add(settings.fail(rule.source() + " removes the protection of " + branch + ": anyone with"
                    + " write access can push to it directly.", subject, List.of(where)));
        } else {
            int min = settings.intThreshold("minApprovals", 1);
            if (rule.requiredApprovals() < min && rule.pushRestricted() != Boolean.TRUE) {
                findings.add(settings.fail("Changes to " + branch + " need " + rule.requiredApprovals()
                        + " approving reviews (at least " + min + " expected): a change can reach the default"
                        + " branch without a second person seeing it.", subject + ":approvals", List.of(where)));
            }
            // null means "not stated" in settings.yml (GitHub's default is off) and "no such switch" for GitLab
            boolean gitlab = rule.enforceAdmins() == null && rule.source().endsWith(".tf");
            if (!gitlab && !Boolean.TRUE.equals(rule.enforceAdmins())) {
                findings.add(settings.warn("Protection of " + branch + " does not bind administrators"
                        + " (enforce_admins is off): admins can bypass review.", subject + ":enforce-admins",
                        List.of(where)));
            }
            // people and teams allowed to skip the reviews (apps are automation with a purpose: not reported)
            List<String> exempt = rule.bypass().stream().filter(b -> !b.startsWith("app ")).toList();
            if (!exempt.isEmpty()) {
                People names = People.in(facts);
                String who = String.join(", ", exempt.stream().map(b -> b.startsWith("team ") ? b
                        : names.owner(Owner.parse("@" + b))).toList());
                int line = rule.bypassLine() > 0 ? rule.bypassLine() : rule.line();
                findings.add(settings.warn("Problem: " + Words.plural(exempt.size(), "person or team", "people or"
                        + " teams") + " may merge into " + branch + " without the required reviews (" + who + "; "
                        + rule.source() + ":" + line + "): an exemption from the rules everyone else follows, so"
                        + " exactly their changes reach the branch unreviewed.", subject + ":bypass",
                        List.of(Evidence.line(rule.source(), line))));
            }
        }
        String summary = findings.isEmpty() ? branch + " is protected with required reviews"
                : findings.size() + " weaknesses in the protection of " + branch;
        return Judgement.of(findings, 0, summary);
    }
}
