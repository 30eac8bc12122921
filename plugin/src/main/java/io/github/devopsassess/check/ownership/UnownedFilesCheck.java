package io.github.devopsassess.check.ownership;

import io.github.devopsassess.facts.ProductionService;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.SoleMaintainer;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Words;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code unowned-files}: the share of files that no CODEOWNERS rule, Prow OWNERS or catalog entry gives an owner —
 * the exempt paths where nobody is asked to review a change. Where nothing declares ownership, that matters only
 * where a change can reach production or many people change the code.
 */
public final class UnownedFilesCheck implements Check {

    public static final String ID = "unowned-files";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** It judges files without owners, ownership declared or not. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(OwnershipFacts.class);
    }

    /**
     * A repository one person carries needs no owner rules: they would all name that person. Without a declaration,
     * what reaches production (a deploy job, on-call, deploy markers, production environment definitions) tells
     * whether a change nobody routes for review can hurt users.
     */
    @Override
    public List<Class<?>> reads() {
        return List.of(SoleMaintainer.class, ProductionService.class, EnvironmentFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        if (ownership.files().isEmpty()) {
            return Judgement.inapplicable("the tree has no files");
        }
        // Owners matter once several people change the code: in a one- or two-person or dormant repository, rules
        // naming who reviews what would name the same people, so there is nothing to act on.
        int minPeople = settings.intThreshold("minPeople", 3);
        Optional<HistoryFacts> history = facts.find(HistoryFacts.class).filter(HistoryFacts::available);
        if (history.isPresent()) {
            long people = people(history.get());
            if (people < minPeople) {
                return Judgement.inapplicable((people == 1 ? "1 person" : people + " people")
                        + " changed the repository in the last year (fewer than "
                        + minPeople + "): ownership rules would name the same people");
            }
        }
        Optional<SoleMaintainer> sole = facts.find(SoleMaintainer.class);
        if (sole.isPresent()) {
            return Judgement.inapplicable(sole.get().display() + " carries the repository: owner rules would name"
                    + " that one person (the truck-factor check reports this once)");
        }
        List<FileOwnership> files = ownership.files();
        long unowned = files.stream().filter(f -> f.owners().isEmpty()).count();
        double share = (double) unowned / files.size();
        double warn = settings.threshold("warn", 0.1);
        double fail = settings.threshold("fail", 0.3);
        String summary = unowned + " of " + Words.plural(files.size(), "file", "files")
                + String.format(Locale.ROOT, " (%.0f%%) %s no owner (warn above %.0f%%, fail above %.0f%%)",
                        share * 100, Words.noun(unowned, "has", "have"), warn * 100, fail * 100);
        Map<String, Object> metrics = Map.of("unownedShare", share);
        if (!ownership.declared()) {
            Optional<String> moot = routingCannotMatter(facts, history.orElse(null), settings);
            if (moot.isPresent()) {
                return Judgement.inapplicable(moot.get());
            }
            Finding f = settings.fail("No CODEOWNERS, OWNERS or catalog owner exists: none of the " + files.size()
                    + " files has an owner who is asked to review changes to it.", "codeowners",
                    List.of(Evidence.note("looked for " + String.join(", ", ownership.searched()))));
            return Judgement.of(List.of(f), files.size(), summary).lost(files.size()).metrics(metrics);
        }
        // A declaration that covers part of the tree is a choice teams make on purpose ("platform files need a
        // maintainer's review, the rest anyone may merge"): the remainder is stated, not a finding. Files that must
        // not change without their owner are judged by critical-path-owners.
        String partial = summary + (share <= warn ? "" : "; " + ownership.active().map(c -> c.path()).orElse("the ownership declaration")
                + " covers only part of the tree, in " + Words.plural(unownedFolders(ownership), "folder", "folders")
                + " no rule names an owner (a deliberate choice is common; critical-path-owners judges the files"
                + " that matter)");
        return Judgement.clean(partial).metrics(metrics);
    }

    private static int unownedFolders(OwnershipFacts ownership) {
        return (int) ownership.folders().stream().filter(f -> f.unownedFiles() > 0).count();
    }

    /** People (not bots) who committed in the 365 days before the assessed commit. */
    private static long people(HistoryFacts history) {
        long since = history.headTime() - 365 * 86_400L;
        return history.commits().stream().filter(c -> !c.author().bot() && c.commit().commitTime() > since)
                .map(c -> c.author().key()).distinct().count();
    }

    /**
     * Why the absence of any owner cannot matter, or empty when it does. Review routing matters where a change
     * reaches production, or where so many people change the code that nobody knows whom to ask: a demo, a
     * dormant research prototype or a folder of documents that a few people change and nothing deploys is not
     * assessed. What reaches production is a job that deploys there, on-call, configured deploy markers
     * ({@link ProductionService}) or a definition of a production environment (Helm values, a kustomize overlay,
     * tfvars, a Spring profile); the people are those of history.
     */
    private static Optional<String> routingCannotMatter(Facts facts, HistoryFacts history, CheckSettings settings) {
        if (facts.find(ProductionService.class).isPresent()) {
            return Optional.empty();
        }
        Optional<EnvironmentDefinition> production = facts.find(EnvironmentFacts.class).stream()
                .flatMap(e -> e.definitions().stream())
                .filter(d -> EnvironmentNames.PRODUCTION.equals(d.environment())).findFirst();
        if (production.isPresent()) {
            return Optional.empty();
        }
        if (history == null) {
            return Optional.empty(); // how many people change it is unknown: judged
        }
        int many = settings.intThreshold("minPeopleWithoutProduction", 10);
        long people = people(history);
        if (people >= many) {
            return Optional.empty();
        }
        return Optional.of("nothing shows that the repository reaches production (no job deploys to production, no"
                + " on-call configuration or deploy markers, no production environment definition) and "
                + Words.plural((int) people, "person", "people") + " changed it in the last year (fewer than " + many
                + "): the few people who change it know each other's work, and no mistake goes to production"
                + " unnoticed for want of a named reviewer");
    }
}
