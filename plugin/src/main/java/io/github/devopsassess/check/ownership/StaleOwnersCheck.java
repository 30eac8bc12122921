package io.github.devopsassess.check.ownership;

import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.ownership.Codeowners;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.ownership.OwnerIdentities;
import io.github.devopsassess.facts.history.Activity;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code stale-owners}: people named in CODEOWNERS who have not committed in the last {@code inactiveDays} days, or
 * who never appear in history at all — owners on paper who may no longer know, or no longer be there.
 */
public final class StaleOwnersCheck implements Check {

    public static final String ID = "stale-owners";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(Codeowners.class, HistoryFacts.class, OwnerIdentities.class, Activity.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        CodeownersFile file = facts.get(Codeowners.class).file();
        HistoryFacts history = facts.get(HistoryFacts.class);
        Map<Owner, Integer> firstLine = new TreeMap<>();
        for (CodeownersRule r : file.rules()) {
            for (Owner o : r.owners()) {
                if (o.kind().individual()) {
                    firstLine.putIfAbsent(o, r.line());
                }
            }
        }
        if (firstLine.isEmpty()) {
            return Judgement.inapplicable("CODEOWNERS names only teams and roles, whose members history cannot show");
        }
        int days = settings.intThreshold("inactiveDays", 180);
        long cutoff = history.headTime() - days * 86_400L;
        OwnerIdentities identities = facts.get(OwnerIdentities.class);
        Activity activity = facts.get(Activity.class);
        People names = People.in(facts);
        List<Finding> findings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int stale = 0;
        for (Map.Entry<Owner, Integer> e : firstLine.entrySet()) {
            Owner owner = e.getKey();
            Evidence where = Evidence.line(file.path(), e.getValue());
            Set<String> people = identities.people(owner);
            if (people.isEmpty()) {
                // Unknown, not stale: a handle need not appear in any commit (maintainers who commit under their
                // names, reviewers who merge), so history cannot tell whether this owner is still around.
                unknown.add(names.owner(owner));
                continue;
            }
            long last = people.stream().mapToLong(activity::last).max().orElse(-1);
            if (last < cutoff) {
                stale++;
                long idle = (history.headTime() - last) / 86_400L;
                String who = names.owner(owner);
                // the subject shows the pseudonym; the fingerprint stays that of the handle, whatever the key
                findings.add(settings.fail(who + " owns paths in " + file.path() + " but last committed or merged on "
                        + HistoryViews.date(last) + ", " + idle + " days before the"
                        + " assessed commit (more than " + days + "): the owner on paper may have moved on.",
                        "owner:" + who, List.of(where)).withFingerprintOf("owner:" + owner.name()));
            }
        }
        int judged = firstLine.size() - unknown.size();
        String unknownNote = unknown.isEmpty() ? "" : "; unknown for " + unknown.size() + " (" + String.join(", ",
                unknown.subList(0, Math.min(5, unknown.size()))) + (unknown.size() > 5 ? " …" : "") + "), because no"
                + " commit of the assessed tree is theirs (" + OwnerIdentities.RULE + ") and a handle need not"
                + " appear in commits";
        if (judged == 0) {
            return Judgement.inapplicable("unknown: none of the " + firstLine.size() + " individual owners matches a"
                    + " commit of the assessed tree (" + OwnerIdentities.RULE + "), and a handle need not appear in"
                    + " commits");
        }
        String summary = stale + " of "
                + Words.plural(judged, "individual owner", "individual owners") + " found in history inactive for more than "
                + days + " days" + unknownNote;
        return Judgement.of(findings, judged, summary).lost(stale);
    }
}
