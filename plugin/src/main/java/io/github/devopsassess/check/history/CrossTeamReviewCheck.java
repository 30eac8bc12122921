package io.github.devopsassess.check.history;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code cross-team-review}: teams that work in silos. Teams are the team owners that CODEOWNERS ({@code @org/team}),
 * Prow {@code OWNERS_ALIASES} and Backstage groups declare; a team's area is the files of the current tree that it
 * owns alone (files owned by several teams tell nobody apart). History does not know who belongs to which team, so a
 * person is counted in the team whose area most of their commits of the last {@code windowDays} changed, when that is
 * more than half of them. A team is a silo when its area had at least {@code minCommits} commits by at least two
 * people in the window, nobody counted in another team changed it, and none of its own people changed another team's
 * area. It is judged only when at least two teams had that much activity; without declared teams the answer is
 * "unknown".
 */
public final class CrossTeamReviewCheck extends HistoryCheck {

    public static final String ID = "cross-team-review";

    @Override
    public String id() {
        return ID;
    }

    /** Ownership may be declared or not: without teams the check says it cannot know. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(OwnershipFacts.class);
    }

    /** One team's activity in the window. */
    private static final class Area {
        final Set<String> files = new TreeSet<>();
        final Set<String> commits = new HashSet<>();
        final Set<String> people = new TreeSet<>();
        FileOwnership first;
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        Optional<OwnershipFacts> ownership = facts.find(OwnershipFacts.class);
        Map<String, String> teamOf = new HashMap<>();
        Map<String, Area> areas = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FileOwnership f : ownership.map(OwnershipFacts::files).orElse(List.of())) {
            List<Owner> teams = f.owners().stream().filter(o -> o.kind() == Owner.Kind.TEAM).toList();
            teams.forEach(t -> areas.computeIfAbsent(t.name(), k -> new Area()));
            if (teams.size() == 1) {
                teamOf.put(f.path(), teams.get(0).name());
                Area a = areas.get(teams.get(0).name());
                a.files.add(f.path());
                if (a.first == null) {
                    a.first = f;
                }
            }
        }
        if (areas.isEmpty()) {
            return Judgement.inapplicable("unknown, because no teams are declared (no @org/team in CODEOWNERS, no"
                    + " OWNERS_ALIASES alias, no Backstage group owns a file)");
        }
        int days = settings.intThreshold("windowDays", 365);
        int minCommits = settings.intThreshold("minCommits", 10);
        long cutoff = history.headTime() - days * 86_400L;
        // person → team → commits that changed the team's area
        Map<String, Map<String, Integer>> byPerson = new TreeMap<>();
        Map<String, String> display = new HashMap<>();
        List<AuthoredCommit> recent = history.commits().stream()
                .filter(c -> !c.author().bot() && c.commit().commitTime() >= cutoff).toList();
        Map<String, Set<String>> teamsOfCommit = new HashMap<>();
        for (AuthoredCommit c : recent) {
            Set<String> teams = new TreeSet<>();
            for (FileTouch t : c.commit().files()) {
                String team = teamOf.get(t.path());
                if (team != null) {
                    teams.add(team);
                }
            }
            if (teams.isEmpty()) {
                continue;
            }
            teamsOfCommit.put(c.commit().id(), teams);
            display.put(c.author().key(), c.author().display());
            for (String team : teams) {
                Area a = areas.get(team);
                a.commits.add(c.commit().id());
                a.people.add(c.author().key());
                byPerson.computeIfAbsent(c.author().key(), k -> new TreeMap<>()).merge(team, 1, Integer::sum);
            }
        }
        List<String> active = areas.entrySet().stream()
                .filter(e -> e.getValue().commits.size() >= minCommits && e.getValue().people.size() >= 2)
                .map(Map.Entry::getKey).toList();
        if (active.size() < 2) {
            return Judgement.inapplicable(Words.plural(areas.size(), "team is", "teams are") + " declared, but "
                    + (active.isEmpty() ? "none" : "only " + active.get(0)) + " had at least " + minCommits
                    + " commits by two people or more in its area in the last " + days + " days: too little to tell"
                    + " whether teams work across their areas" + history.confidenceNote());
        }
        Map<String, String> home = new HashMap<>();
        byPerson.forEach((person, counts) -> {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            counts.entrySet().stream().filter(e -> e.getValue() * 2 > total).findFirst()
                    .ifPresent(e -> home.put(person, e.getKey()));
        });
        List<Finding> findings = new ArrayList<>();
        List<String> silos = new ArrayList<>();
        for (String team : active) {
            Area a = areas.get(team);
            boolean outsiders = a.people.stream().anyMatch(p -> home.containsKey(p) && !home.get(p).equals(team)
                    || !home.containsKey(p));
            boolean outgoing = byPerson.entrySet().stream().filter(e -> team.equals(home.get(e.getKey())))
                    .anyMatch(e -> e.getValue().keySet().stream().anyMatch(t -> !t.equals(team)));
            if (outsiders || outgoing) {
                continue;
            }
            silos.add(team);
            List<Evidence> evidence = new ArrayList<>();
            if (a.first != null && a.first.source() != null && !a.first.lines().isEmpty()) {
                evidence.add(Evidence.line(a.first.source(), a.first.lines().get(0))
                        .withNote(team + " owns " + a.first.path()));
            }
            findings.add(settings.warn(team + " works in a silo: the " + a.commits.size() + " commits of the last "
                    + days + " days to the " + Words.plural(a.files.size(), "file", "files") + " it alone owns ("
                    + Listing.some(List.copyOf(a.files), 3, ", ") + ") came from its "
                    + Words.plural(a.people.size(), "own person", "own people") + " ("
                    + Listing.some(a.people.stream().map(display::get).toList(), 3, ", ") + "), who changed no"
                    + " other team's files, while " + (active.size() - 1) + " other "
                    + Words.noun(active.size() - 1, "team was", "teams were") + " active. Nobody outside the team"
                    + " contributes to or learns its area, and it learns nothing from theirs.", "team:" + team,
                    evidence));
        }
        String summary = silos.size() + " of " + active.size() + " active teams work in a silo"
                + (silos.isEmpty() ? "" : " (" + Listing.some(silos, 5, ", ") + ")") + history.confidenceNote();
        return Judgement.of(findings, active.size(), summary).lost(silos.size())
                .metrics(Map.of("activeTeams", active.size(), "siloedTeams", silos.size()));
    }
}
