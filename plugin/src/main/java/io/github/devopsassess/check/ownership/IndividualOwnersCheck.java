package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnerType;
import io.github.devopsassess.facts.ownership.OwnershipFacts;

import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.OwnershipResolver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code individual-owners}: files owned only by individual people rather than a team, and a catch-all rule
 * ({@code * @one-person}) that makes one person the owner of everything — ownership that leaves with a person. A team
 * is expected only where there are people enough to form one (history shows {@code minTeam} regular committers, or
 * the declaration names that many individuals); the places are named by the rule or OWNERS file that decides them.
 */
public final class IndividualOwnersCheck implements Check {

    public static final String ID = "individual-owners";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(OwnershipFacts.class);
    }

    /** Who changed the code recently tells how many people could form a team. */
    @Override
    public List<Class<?>> reads() {
        return List.of(HistoryFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        if (ownership.files().isEmpty()) {
            return Judgement.inapplicable("the tree has no files");
        }
        Optional<String> tooFew = tooFewForATeam(facts, ownership, settings);
        if (tooFew.isPresent()) {
            return Judgement.inapplicable(tooFew.get());
        }
        int total = ownership.files().size();
        long individual = ownership.files().stream().filter(f -> f.type() == OwnerType.INDIVIDUAL).count();
        double share = (double) individual / total;
        double warn = settings.threshold("warn", 0.25);
        double fail = settings.threshold("fail", 0.5);
        List<Finding> findings = new ArrayList<>();
        People people = People.in(facts);
        ownership.active().ifPresent(file -> {
            for (CodeownersRule r : file.rules()) {
                if (r.pattern().catchAll() && !r.owners().isEmpty()
                        && r.owners().stream().allMatch(o -> o.kind().individual())) {
                    String names = r.owners().stream().map(people::owner).collect(Collectors.joining(" "));
                    findings.add(settings.fail("The catch-all rule '" + r.pattern() + " " + names + "' makes "
                            + (r.owners().size() == 1 ? "one person" : r.owners().size() + " individuals")
                            + " the owner of every file no later rule claims: there is no team to take over.",
                            file.path() + ":" + r.pattern(), List.of(Evidence.line(file.path(), r.line()))));
                }
            }
        });
        if (share > warn && findings.isEmpty()) { // a catch-all rule of individuals already is the root cause
            List<Place> places = places(ownership);
            if (!places.isEmpty()) {
                List<String> named = places.stream().map(p -> p.name() + " (" + p.owners().stream()
                        .map(people::owner).collect(Collectors.joining(", ")) + ")").toList();
                String message = Words.plural(places.size(), "folder is", "folders are")
                        + " owned only by individuals, not by a team: " + Listing.some(named, 5, "; ") + ".";
                List<Evidence> evidence = places.stream().map(p -> Evidence.line(p.source(), p.line())).distinct()
                        .limit(10).toList();
                findings.add(settings.warn(message, "folders", evidence));
            }
        }
        String summary = individual + " of " + Words.plural(total, "file", "files") + String.format(Locale.ROOT,
                " (%.0f%%) %s owned only by individuals (warn above %.0f%%, fail above %.0f%%)", share * 100,
                Words.noun(individual, "is", "are"), warn * 100, fail * 100);
        // At or under the warning threshold nothing is lost: the rubric's threshold says that share is fine. Above it,
        // the share is weighed against the failing threshold, so that the score falls under 0.5 (a failure) exactly
        // when the share passes it; at the default 50% that is 1 - share.
        return Judgement.of(findings, total, summary).lost(findings.isEmpty() ? 0 : individual * 0.5 / fail)
                .metrics(Map.of("individualOwnerShare", share));
    }

    /**
     * Why no team is to be expected: fewer than {@code minTeam} people made {@code regularCommits} commits or more in
     * the last year, and the declaration names fewer than {@code minTeam} individuals (a longer list is a team written
     * out by hand). Such a group knows who owns what; a team of two or three named as a group adds nothing. Without
     * history the team's size is unknown and the check judges the declaration alone.
     */
    private static Optional<String> tooFewForATeam(Facts facts, OwnershipFacts ownership, CheckSettings settings) {
        Optional<HistoryFacts> history = facts.find(HistoryFacts.class).filter(HistoryFacts::available);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        int minTeam = settings.intThreshold("minTeam", 5);
        int regularCommits = settings.intThreshold("regularCommits", 10);
        Map<String, Integer> commits = new HashMap<>();
        HistoryViews.window(HistoryViews.humans(history.get()), history.get().headTime(), WINDOW_DAYS)
                .forEach(c -> commits.merge(c.author().key(), 1, Integer::sum));
        long regular = commits.values().stream().filter(n -> n >= regularCommits).count();
        Set<String> individuals = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ownership.files().forEach(f -> f.owners().stream().filter(o -> o.kind().individual())
                .forEach(o -> individuals.add(o.name())));
        ownership.active().ifPresent(c -> c.rules().forEach(r -> r.owners().stream()
                .filter(o -> o.kind().individual()).forEach(o -> individuals.add(o.name()))));
        if (regular >= minTeam || individuals.size() >= minTeam) {
            return Optional.empty();
        }
        return Optional.of(Words.plural((int) regular, "person", "people") + " made " + regularCommits
                + " or more commits in the last " + WINDOW_DAYS + " days and the ownership declaration names "
                + Words.plural(individuals.size(), "individual", "individuals") + " (fewer than " + minTeam
                + " each): too few people to form a team, so owners named one by one are what is expected");
    }

    private static final int WINDOW_DAYS = 365;

    /**
     * The files owned only by individuals, grouped by the declaration that decides them: a CODEOWNERS rule (named by
     * its pattern), a Prow OWNERS file (named by its folder) or a catalog descriptor, in order of the declaration.
     */
    static List<Place> places(OwnershipFacts ownership) {
        Map<String, CodeownersRule> rules = new HashMap<>();
        ownership.active().ifPresent(c -> c.rules().forEach(r -> rules.put(c.path() + ":" + r.line(), r)));
        Map<String, Place> places = new TreeMap<>();
        Map<String, Set<Owner>> owners = new HashMap<>();
        for (FileOwnership f : ownership.files()) {
            if (f.type() != OwnerType.INDIVIDUAL || f.source() == null || f.lines().isEmpty()) {
                continue;
            }
            int line = f.lines().get(0);
            String key = f.source() + ":" + line;
            places.computeIfAbsent(key, k -> {
                CodeownersRule rule = rules.get(k);
                String name = rule != null ? rule.pattern().toString()
                        : folderName(OwnershipResolver.folderOf(f.source()));
                return new Place(name, f.source(), line, List.of());
            });
            owners.computeIfAbsent(key, k -> new TreeSet<>()).addAll(f.owners());
        }
        return places.entrySet().stream().map(e -> new Place(e.getValue().name(), e.getValue().source(),
                e.getValue().line(), List.copyOf(owners.get(e.getKey())))).sorted(Comparator
                .comparing(Place::source).thenComparingInt(Place::line)).toList();
    }

    private static String folderName(String folder) {
        return folder.isEmpty() ? "the repository root" : folder + "/";
    }

    /** Files that one declaration gives to individuals only. */
    record Place(String name, String source, int line, List<Owner> owners) {
    }
}
