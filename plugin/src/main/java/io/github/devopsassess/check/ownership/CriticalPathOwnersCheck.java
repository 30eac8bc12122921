package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code critical-path-owners}: critical paths ({@link CriticalPaths}) with no owner whose review is required, and
 * branch protection that turns code-owner review off, so owners are only suggested reviewers.
 */
public final class CriticalPathOwnersCheck implements Check {

    public static final String ID = "critical-path-owners";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** It judges critical files without owners, ownership declared or not. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(OwnershipFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        String subtree = facts.find(TreeFacts.class).map(TreeFacts::subtree).orElse("");
        String prefix = subtree.isEmpty() ? "" : subtree + "/";
        CriticalPaths critical = CriticalPaths.defaults();
        List<FileOwnership> criticalFiles = ownership.files().stream()
                .filter(f -> critical.critical(f.path().startsWith(prefix) ? f.path().substring(prefix.length())
                        : f.path())).toList();
        if (criticalFiles.isEmpty()) {
            return Judgement.inapplicable("no critical path (CI, Dockerfile, IaC, migrations, SQL, CODEOWNERS,"
                    + " settings) in the assessed tree");
        }
        Map<String, List<FileOwnership>> unreviewed = new TreeMap<>();
        for (FileOwnership f : criticalFiles) {
            if (!f.enforced()) {
                int slash = f.path().lastIndexOf('/');
                unreviewed.computeIfAbsent(slash < 0 ? "." : f.path().substring(0, slash), k -> new ArrayList<>())
                        .add(f);
            }
        }
        List<Finding> findings = new ArrayList<>();
        unreviewed.forEach((folder, files) -> {
            FileOwnership first = files.get(0);
            List<Evidence> evidence = new ArrayList<>();
            files.stream().limit(5).forEach(f -> evidence.add(f.source() == null ? Evidence.file(f.path())
                    : Evidence.line(f.source(), f.lines().get(0)).withNote(f.path() + ": "
                            + (f.owners().isEmpty() ? "no owner" : "owners are only suggested reviewers"))));
            String what = files.size() == 1 ? first.path() + " is" : files.size() + " critical files in " + folder
                    + "/ are";
            findings.add(settings.fail(what + " changed without a required owner's review: "
                    + (first.owners().isEmpty() ? "no CODEOWNERS rule gives them an owner."
                    : "their owners come only from an optional section or a catalog entry."), folder, evidence));
        });
        long reviewedCount = criticalFiles.size() - unreviewed.values().stream().mapToLong(List::size).sum();
        AccessFacts access = facts.find(AccessFacts.class).orElse(null);
        String protectionNote = "";
        if (access == null || !access.declared()) {
            protectionNote = "; whether code-owner review is required cannot be verified (no settings as code)";
        } else if (ownership.codeowners() != null) {
            for (BranchProtection p : access.protections()) {
                if (p.enabled() && Boolean.FALSE.equals(p.codeOwnerReviews()) && access.coversDefault(p)) {
                    reviewedCount = 0;
                    findings.add(settings.fail("Branch protection of " + p.branch() + " does not require code-owner"
                            + " review, so the owners of critical paths are only suggested reviewers.",
                            "code-owner-review:" + p.branch(), List.of(Evidence.line(p.source(), p.line()))));
                }
            }
        }
        String summary = reviewedCount + " of " + Words.plural(criticalFiles.size(), "critical file", "critical files")
                + " protected by a required owner's review"
                + protectionNote;
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, criticalFiles.size(), summary).lost(criticalFiles.size() - reviewedCount);
    }
}
