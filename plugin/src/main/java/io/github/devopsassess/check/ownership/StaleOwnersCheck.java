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
import io.github.devopsassess.facts.ownership.PomDevelopers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code stale-owners}: people named in CODEOWNERS, or declared in the {@code <developers>} of a Maven pom, who have
 * not committed in the last {@code inactiveDays} days — owners on paper who may no longer know, or no longer be there.
 * Someone history does not know is unknown, not stale.
 */
public final class StaleOwnersCheck implements Check {

    public static final String ID = "stale-owners";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, OwnerIdentities.class, Activity.class);
    }

    @Override
    public List<Class<?>> reads() {
        return List.of(Codeowners.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        CodeownersFile file = facts.find(Codeowners.class).map(Codeowners::file).orElse(null);
        List<PomDevelopers.Developer> developers = facts.find(PomDevelopers.class).map(PomDevelopers::developers)
                .orElse(List.of());
        if (file == null && developers.isEmpty()) {
            return Judgement.inapplicable("no CODEOWNERS file and no <developers> in a pom: nobody is named as owner");
        }
        HistoryFacts history = facts.get(HistoryFacts.class);
        Map<Owner, Integer> firstLine = new TreeMap<>();
        for (CodeownersRule r : file == null ? List.<CodeownersRule>of() : file.rules()) {
            for (Owner o : r.owners()) {
                if (o.kind().individual()) {
                    firstLine.putIfAbsent(o, r.line());
                }
            }
        }
        if (firstLine.isEmpty() && developers.isEmpty()) {
            return Judgement.inapplicable("CODEOWNERS names only teams and roles, whose members history cannot show");
        }
        int days = settings.intThreshold("inactiveDays", 180);
        long cutoff = history.headTime() - days * 86_400L;
        OwnerIdentities identities = facts.get(OwnerIdentities.class);
        Activity activity = facts.get(Activity.class);
        People names = People.in(facts);
        List<Finding> findings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> judgedPeople = new HashSet<>();
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
            judgedPeople.addAll(people);
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
        if (!developers.isEmpty()) {
            String pom = facts.get(PomDevelopers.class).path();
            Set<String> seen = new HashSet<>(judgedPeople);
            for (PomDevelopers.Developer d : developers) {
                Set<String> people = developerPeople(identities, d);
                if (people.isEmpty()) {
                    unknown.add(names.person(d.email() != null ? d.email() : d.id() != null ? d.id() : d.label(), d.label()));
                    continue;
                }
                if (!seen.addAll(people)) {
                    continue; // already judged as a CODEOWNERS owner or as an earlier entry: one person, one finding
                }
                judged++;
                long last = people.stream().mapToLong(activity::last).max().orElse(-1);
                if (last < cutoff) {
                    stale++;
                    long idle = (history.headTime() - last) / 86_400L;
                    String who = names.display(people.iterator().next());
                    findings.add(settings.fail(who + " is declared among the <developers> of " + pom + " but last"
                            + " committed or merged on " + HistoryViews.date(last) + ", " + idle + " days before the"
                            + " assessed commit (more than " + days + "): the maintainer on paper may have moved on;"
                            + " list the people who keep the project going, and ask the others whether they still do.",
                            "developer:" + who, List.of(Evidence.line(pom, d.line())))
                            .withFingerprintOf("developer:" + d.label()));
                }
            }
        }
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

    /** The people of history behind a pom developer: by e-mail, by id as a handle, or by name. */
    private static Set<String> developerPeople(OwnerIdentities identities, PomDevelopers.Developer d) {
        Set<String> people = new java.util.TreeSet<>();
        if (d.email() != null && d.email().contains("@")) {
            people.addAll(identities.people(Owner.parse(d.email())));
        }
        if (d.id() != null && !d.id().isBlank() && !d.id().contains("@")) {
            people.addAll(identities.people(new Owner("@" + d.id().strip(), Owner.Kind.USER)));
        }
        if (d.name() != null && !d.name().isBlank()) {
            people.addAll(identities.people(new Owner("@" + d.name().strip(), Owner.Kind.USER)));
        }
        return people;
    }
}
