package io.github.devopsassess.check.ownership;

import io.github.devopsassess.facts.ownership.Codeowners;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.ownership.OwnerIdentities;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.facts.history.FileTouch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code ownership-history-mismatch}: CODEOWNERS rules whose declared individual owners never changed the files
 * they own, while one other person made most of the changes — the declared owner reviews code someone else knows.
 * Rules with a team owner are skipped: history cannot tell who is in the team.
 */
public final class OwnershipHistoryMismatchCheck implements Check {

    public static final String ID = "ownership-history-mismatch";

    /** One CODEOWNERS rule with the files it decides and who changed them. */
    private static final class RuleHistory {
        final CodeownersRule rule;
        final Set<String> files = new TreeSet<>();
        final Map<String, Integer> changes = new TreeMap<>();
        final Map<String, String> lastCommit = new HashMap<>();
        int total;

        RuleHistory(CodeownersRule rule) {
            this.rule = rule;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(OwnershipFacts.class, Codeowners.class, HistoryFacts.class, OwnerIdentities.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        CodeownersFile file = facts.get(Codeowners.class).file();
        HistoryFacts history = facts.get(HistoryFacts.class);
        Map<Integer, RuleHistory> byLine = new TreeMap<>();
        for (CodeownersRule r : file.rules()) {
            if (!r.owners().isEmpty() && r.owners().stream().allMatch(o -> o.kind().individual())) {
                byLine.put(r.line(), new RuleHistory(r));
            }
        }
        Map<String, RuleHistory> byFile = new HashMap<>();
        for (FileOwnership f : ownership.files()) {
            if (file.path().equals(f.source()) && f.lines().size() == 1 && byLine.containsKey(f.lines().get(0))) {
                RuleHistory rh = byLine.get(f.lines().get(0));
                rh.files.add(f.path());
                byFile.put(f.path(), rh);
            }
        }
        for (AuthoredCommit c : history.commits()) {
            if (c.author().bot()) {
                continue;
            }
            for (FileTouch t : c.commit().files()) {
                RuleHistory rh = byFile.get(t.path());
                if (rh != null) {
                    int weight = t.added() >= 0 ? Math.max(1, t.added() + t.removed()) : 1;
                    rh.changes.merge(c.author().key(), weight, Integer::sum);
                    rh.total += weight;
                    rh.lastCommit.put(c.author().key(), c.commit().id());
                }
            }
        }
        double dominant = settings.threshold("dominantShare", 0.9);
        int minChanges = settings.intThreshold("minChangedLines", 20);
        OwnerIdentities identities = facts.get(OwnerIdentities.class);
        List<Finding> findings = new ArrayList<>();
        int judged = 0;
        for (RuleHistory rh : byLine.values()) {
            if (rh.total < minChanges) {
                continue;
            }
            judged++;
            Set<String> declared = new TreeSet<>();
            rh.rule.owners().forEach(o -> declared.addAll(identities.people(o)));
            if (declared.stream().anyMatch(rh.changes::containsKey)) {
                continue;
            }
            Map.Entry<String, Integer> top = null;
            for (Map.Entry<String, Integer> e : rh.changes.entrySet()) { // sorted by key: ties go to the first
                if (top == null || e.getValue() > top.getValue()) {
                    top = e;
                }
            }
            double share = (double) top.getValue() / rh.total;
            if (share < dominant) {
                continue;
            }
            Person p = history.people().get(top.getKey());
            String who = p == null ? top.getKey() : p.display();
            String owners = rh.rule.owners().stream().map(People.in(facts)::owner)
                    .collect(Collectors.joining(" "));
            findings.add(settings.fail(String.format(Locale.ROOT, "CODEOWNERS gives %s to %s, who never changed"
                    + " it, while %s made %.0f%% of its changes: the declared owner is not the one who knows it.",
                    rh.rule.pattern(), owners, who, share * 100), file.path() + ":" + rh.rule.pattern(),
                    List.of(Evidence.line(file.path(), rh.rule.line()),
                            Evidence.commit(rh.lastCommit.get(top.getKey()), "latest change by " + who))));
        }
        if (judged == 0) {
            return Judgement.inapplicable("no CODEOWNERS rule with only individual owners has at least " + minChanges
                    + " changed lines in history");
        }
        String summary = findings.size() + " of " + judged + " individually owned CODEOWNERS rules disagree with"
                + " history";
        return Judgement.of(findings, judged, summary).lost(findings.size());
    }
}
