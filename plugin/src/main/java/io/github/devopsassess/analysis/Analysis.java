package io.github.devopsassess.analysis;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ProductionService;
import io.github.devopsassess.facts.history.Activity;
import io.github.devopsassess.facts.history.SoleMaintainer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.Authorship;
import io.github.devopsassess.facts.history.FileHistories;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.facts.history.Involvements;
import io.github.devopsassess.facts.history.Reviews;
import io.github.devopsassess.facts.history.TruckFactor;
import io.github.devopsassess.facts.history.TruckFactors;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.Codeowners;
import io.github.devopsassess.facts.ownership.OwnerIdentities;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.facts.postmortem.ActionItemPostmortems;
import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analysis stage: facts derived from the scanners' facts (degree of authorship, file histories, truck factors,
 * review signals, when each person was last active, the people behind owners, the CODEOWNERS file in force, the postmortems with action items),
 * computed once per assessment, and per trend point, after the scanners and before the checks. Only what some check
 * or the report asks for is derived: replaying a 40,000-commit history takes about a second. Nothing is derived from
 * history without available history, so a check that requires a derived fact is "not assessed" for the history's own
 * reason.
 */
public final class Analysis {

    /** Every fact type this stage can derive. */
    public static final Set<Class<?>> DERIVED = Set.of(Authorship.class, TruckFactors.class, FileHistories.class,
            Reviews.class, OwnerIdentities.class, Codeowners.class, ActionItemPostmortems.class,
            ProductionService.class, Activity.class, SoleMaintainer.class);

    private Analysis() {
    }

    /**
     * @param facts what the scanners saw
     * @param wanted the fact types the checks and the report read; those this stage derives are added
     * @return the facts with the wanted derived facts added
     */
    public static Facts derive(Facts facts, Set<Class<?>> wanted) {
        Facts out = facts;
        if (wanted.contains(Codeowners.class)) {
            CodeownersFile file = facts.find(OwnershipFacts.class).map(OwnershipFacts::codeowners).orElse(null);
            if (file != null) {
                out = out.with(Codeowners.class, new Codeowners(file));
            }
        }
        if (wanted.contains(ActionItemPostmortems.class)) {
            List<Postmortem> withItems = facts.find(PostmortemFacts.class).map(p -> p.postmortems().stream()
                    .filter(pm -> !pm.actionItems().isEmpty()).toList()).orElse(List.of());
            if (!withItems.isEmpty()) {
                out = out.with(ActionItemPostmortems.class, new ActionItemPostmortems(withItems));
            }
        }
        if (wanted.contains(ProductionService.class)) {
            String deploy = facts.find(PipelineFacts.class).stream().flatMap(p -> p.jobs().stream())
                    .filter(Job::production).findFirst()
                    .map(j -> j.at().path() + ":" + j.at().line() + " — job '" + j.name() + "' deploys to production")
                    .orElse(null);
            String onCall = facts.find(OnCallFacts.class).filter(o -> !o.empty()).map(o -> o.files().get(0))
                    .orElse(null);
            String markers = facts.find(HistoryFacts.class).map(HistoryFacts::deployMarkers).orElse(null);
            if (deploy != null || onCall != null || markers != null) {
                out = out.with(ProductionService.class, new ProductionService(deploy, onCall, markers));
            }
        }
        HistoryFacts history = facts.find(HistoryFacts.class).orElse(null);
        if (history == null || !history.available()) {
            return out;
        }
        List<AuthoredCommit> humans = HistoryViews.humans(history);
        Authorship authorship = null;
        if (wanted.contains(Authorship.class) || wanted.contains(TruckFactors.class)
                || wanted.contains(SoleMaintainer.class)) {
            authorship = DegreeOfAuthorship.authorship(humans, history.sourceFiles());
            out = out.with(Authorship.class, authorship);
            if (wanted.contains(TruckFactors.class)) {
                out = out.with(TruckFactors.class, truckFactors(authorship, HistoryViews.prefix(facts)));
            }
        }
        if (wanted.contains(FileHistories.class)) {
            out = out.with(FileHistories.class, new FileHistories(FileOwnership.replay(humans,
                    history.sourceFiles())));
        }
        if (wanted.contains(Reviews.class)) {
            Set<String> reviewed = new HashSet<>();
            for (AuthoredCommit c : history.commits()) {
                if (ReviewSignals.reviewed(c, history)) {
                    reviewed.add(c.commit().id());
                }
            }
            out = out.with(Reviews.class, new Reviews(reviewed));
        }
        if (wanted.contains(SoleMaintainer.class)) {
            SoleMaintainer sole = SoleMaintainer.of(history, authorship).orElse(null);
            if (sole != null) {
                out = out.with(SoleMaintainer.class, sole);
            }
        }
        if (wanted.contains(Activity.class)) {
            out = out.with(Activity.class, new Activity(history, facts.find(Involvements.class)
                    .orElseGet(Involvements::none)));
        }
        if (wanted.contains(OwnerIdentities.class)) {
            out = out.with(OwnerIdentities.class, new OwnerIdentities(history));
        }
        return out;
    }

    /** The truck factor of the tree and of each top-level module, over that module's files only. */
    static TruckFactors truckFactors(Authorship authorship, String prefix) {
        Map<String, Map<String, Set<String>>> byModule = new TreeMap<>();
        authorship.authors().forEach((file, authors) -> {
            String module = HistoryViews.moduleOf(file, prefix);
            if (module != null) {
                // the files arrive in order: a linked map keeps it without comparing long paths again
                byModule.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(file, authors);
            }
        });
        Map<String, TruckFactor> modules = new TreeMap<>();
        byModule.forEach((m, files) -> modules.put(m, DegreeOfAuthorship.truckFactor(new Authorship(files))));
        return new TruckFactors(DegreeOfAuthorship.truckFactor(authorship), modules);
    }
}
