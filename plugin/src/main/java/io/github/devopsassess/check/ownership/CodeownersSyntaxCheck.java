package io.github.devopsassess.check.ownership;

import io.github.devopsassess.facts.ownership.Codeowners;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.MalformedEntry;
import io.github.devopsassess.facts.ownership.OwnershipFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code codeowners-syntax}: CODEOWNERS lines the platform skips or misreads (an owner without {@code @}, a
 * comma-joined list, an unknown role), CODEOWNERS files that are ignored because another location wins, and
 * CODEOWNERS files in a subfolder, where no platform reads them. Each
 * silently removes a review the team believes is required.
 */
public final class CodeownersSyntaxCheck implements Check {

    public static final String ID = "codeowners-syntax";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(OwnershipFacts.class, Codeowners.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        CodeownersFile file = facts.get(Codeowners.class).file();
        List<Finding> findings = new ArrayList<>();
        // one broken line is one root cause: its problems are said together, under the first one's subject
        java.util.Map<Integer, List<MalformedEntry>> byLine = new java.util.TreeMap<>();
        for (MalformedEntry m : file.malformed()) {
            byLine.computeIfAbsent(m.line(), k -> new ArrayList<>()).add(m);
        }
        for (List<MalformedEntry> line : byLine.values()) {
            MalformedEntry first = line.get(0);
            String reasons = String.join("; ", line.stream().map(MalformedEntry::reason).distinct().toList());
            findings.add(settings.fail(file.path() + " line " + first.line() + ": " + reasons + ".",
                    file.path() + ":" + first.text(), List.of(Evidence.line(file.path(), first.line()))));
        }
        for (CodeownersFile shadowed : ownership.shadowed()) {
            findings.add(settings.warn(shadowed.path() + " is ignored because " + file.path() + " is read first:"
                    + " its rules protect nothing.", shadowed.path(), List.of(Evidence.file(shadowed.path()))));
        }
        for (String misplaced : ownership.misplaced()) {
            findings.add(settings.warn(misplaced + " is never read: GitHub reads CODEOWNERS only in .github/, the root"
                    + " and docs/, GitLab only in the root, docs/ and .gitlab/, so its rules protect nothing; move them"
                    + " into " + file.path() + " with the folder as their path.", misplaced,
                    List.of(Evidence.file(misplaced))));
        }
        String summary = io.github.devopsassess.model.Words.plural(file.malformed().size(), "malformed entry",
                "malformed entries") + " in " + file.path() + ", " + io.github.devopsassess.model.Words.plural(
                ownership.shadowed().size() + ownership.misplaced().size(), "ignored CODEOWNERS file",
                "ignored CODEOWNERS files");
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        boolean failing = !file.malformed().isEmpty();
        return Judgement.of(findings, 0, summary);
    }
}
