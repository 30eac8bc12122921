package io.github.devopsassess.check.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.history.TruckFactors;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.facts.history.TruckFactor;
import io.github.devopsassess.facts.history.Authorship;
import io.github.devopsassess.analysis.DegreeOfAuthorship;
import io.github.devopsassess.facts.history.HistoryViews;
import io.github.devopsassess.check.history.HistoryCheck;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.facts.history.Activity;
import io.github.devopsassess.facts.history.GeneratedProject;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.SoleMaintainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code truck-factor}: how many people would have to leave before most of the code has nobody who knows it. */
public final class TruckFactorCheck extends HistoryCheck {

    public static final String ID = "truck-factor";

    private static final int EVIDENCE_FILES = 5;
    /** Files created in one commit from which they look generated or copied in rather than written. */
    private static final int BULK_FILES = 50;

    @Override
    public String id() {
        return ID;
    }

    /** Files created together in one commit, and the deepest folder that holds them all. */
    record BulkCreation(String commit, int files, String folder) {
    }

    /**
     * The commit that created most of a person's files, when it created so many that they are more likely generated
     * or copied in than written: AngularJS's 730 generated locale files made one person the owner of half its code.
     */
    static Optional<BulkCreation> bulkCreation(Authorship authorship, List<String> files) {
        Map<String, List<String>> byCommit = new HashMap<>();
        for (String f : files) {
            String commit = authorship.createdIn().get(f);
            if (commit != null) {
                byCommit.computeIfAbsent(commit, c -> new ArrayList<>()).add(f);
            }
        }
        return byCommit.entrySet().stream()
                .filter(e -> e.getValue().size() >= BULK_FILES && 2 * e.getValue().size() >= files.size())
                .max(Map.Entry.<String, List<String>>comparingByValue(
                        java.util.Comparator.comparingInt(List::size)).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new BulkCreation(e.getKey(), e.getValue().size(), commonFolder(e.getValue())));
    }

    private static String commonFolder(List<String> paths) {
        String common = paths.get(0).contains("/") ? paths.get(0).substring(0, paths.get(0).lastIndexOf('/')) : "";
        for (String p : paths) {
            while (!common.isEmpty() && !p.startsWith(common + "/")) {
                int slash = common.lastIndexOf('/');
                common = slash < 0 ? "" : common.substring(0, slash);
            }
        }
        return common.isEmpty() ? "." : common;
    }

    /**
     * One person makes nearly every change: that is the project's bus factor, whatever the authorship of older code
     * says (its authors may long have gone), and the one finding about concentration of knowledge.
     */
    private static Judgement soleMaintainer(SoleMaintainer sole, Authorship authorship, TruckFactor tf, Facts facts,
            CheckSettings settings, HistoryFacts history) {
        String where = facts.find(TreeFacts.class).map(TreeFacts::subtree).filter(s -> !s.isEmpty())
                .map(s -> s + "/").orElse("the repository");
        List<String> theirs = authorship.authors().entrySet().stream().filter(e -> e.getValue().contains(sole.key()))
                .map(Map.Entry::getKey).toList();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.commit(sole.latest(), "latest commit by " + sole.display()));
        theirs.stream().limit(EVIDENCE_FILES).forEach(f -> evidence.add(new Evidence(f, null, null, null,
                "authored by " + sole.display())));
        String message = "One person carries " + where + ": " + sole.describe() + ", and is a main author of "
                + theirs.size() + " of its " + tf.files() + " source files. When they are away, changes, reviews and"
                + " releases stop; the truck factor is 1.";
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("truckFactor", 1);
        metrics.put("truckFactorFiles", tf.files());
        metrics.put("soleMaintainerShare", Math.round(1000.0 * sole.commits() / sole.total()) / 1000.0);
        String summary = "truck factor 1: " + sole.describe() + history.confidenceNote();
        // the subject shows the person as the report does; the fingerprint is the same whatever the key or showNames
        Finding finding = settings.fail(message, "maintainer:" + sole.display(), evidence)
                .withFingerprintOf("maintainer:" + Pseudonyms.fingerprintTag(sole.key()));
        return Judgement.of(List.of(finding), 0, summary)
                .metrics(metrics).measured(1);
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, Authorship.class, TruckFactors.class, Activity.class);
    }

    @Override
    public List<Class<?>> reads() {
        return List.of(SoleMaintainer.class, GeneratedProject.class);
    }

    @Override
    protected Judgement judge(HistoryFacts history, Facts facts, CheckSettings settings) {
        java.util.Optional<GeneratedProject> generated = facts.find(GeneratedProject.class);
        if (generated.isPresent()) {
            return Judgement.inapplicable(generated.get().reason());
        }
        Authorship authorship = facts.get(Authorship.class);
        TruckFactors truckFactors = facts.get(TruckFactors.class);
        TruckFactor tf = truckFactors.repository();
        if (tf.files() == 0) {
            return Judgement.inapplicable("no source file with history in the assessed tree");
        }
        int minFiles = settings.intThreshold("minFiles", 10);
        if (tf.files() < minFiles) {
            return Judgement.inapplicable("only " + Words.plural(tf.files(), "source file", "source files")
                    + " with history (fewer than " + minFiles + "): too little code for a truck factor to mean"
                    + " anything");
        }
        java.util.Optional<SoleMaintainer> sole = facts.find(SoleMaintainer.class);
        if (sole.isPresent()) {
            return soleMaintainer(sole.get(), authorship, tf, facts, settings, history);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("truckFactor", tf.value());
        metrics.put("truckFactorFiles", tf.files());
        String prefix = HistoryViews.prefix(facts);
        truckFactors.modules().forEach((module, moduleTf) -> metrics.put(
                "truckFactor." + module, moduleTf.value()));

        String where = facts.find(TreeFacts.class).map(TreeFacts::subtree).filter(s -> !s.isEmpty())
                .map(s -> s + "/").orElse("the repository");
        int fail = settings.intThreshold("fail", 1);
        int warn = settings.intThreshold("warn", 2);
        String summary = "truck factor " + tf.value() + " over " + tf.files() + " source files (fail at " + fail
                + ", warn at " + warn + ")";
        summary += history.confidenceNote();
        if (tf.value() > warn) {
            return Judgement.clean(summary).metrics(metrics).measured(tf.value());
        }
        // "If X leaves" is said of people still here; of those who left long ago the finding says so.
        int inactiveDays = settings.intThreshold("inactiveDays", 90);
        Activity activity = facts.get(Activity.class);
        long cutoff = history.headTime() - inactiveDays * HistoryViews.DAY;
        List<String> present = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String k : tf.removed()) {
            String name = HistoryViews.display(history, k);
            if (activity.activeAfter(k, cutoff)) {
                present.add(name);
            } else {
                gone.add(name + " (last change " + HistoryViews.date(activity.last(k)) + ")");
            }
        }
        if (present.isEmpty() && gone.size() > 1) {
            // One root cause, one finding: when every person the truck factor names has already gone, the risk is not
            // ahead but behind, and it is knowledge-loss's finding, which lists the files they left and the modules.
            // A truck factor of one who left (an orphaned project) is said here, as the stronger statement.
            return Judgement.clean(summary + "; the people it names have already left (" + String.join(" and ", gone)
                    + "): knowledge-loss reports the files they left").metrics(metrics).measured(tf.value());
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String key : tf.removed()) {
            String name = HistoryViews.display(history, key);
            List<String> files = authorship.authors().entrySet().stream().filter(e -> e.getValue().contains(key))
                    .map(Map.Entry::getKey).toList();
            evidence.add(Evidence.note(name + " is the main author of " + files.size() + " of " + tf.files()
                    + " source files"));
            files.stream().limit(EVIDENCE_FILES).forEach(f -> evidence.add(new Evidence(f, null, null, null,
                    "authored by " + name)));
            bulkCreation(authorship, files).ifPresent(bulk -> evidence.add(new Evidence(bulk.folder(), null, null,
                    bulk.commit(), name + " created " + bulk.files() + " of these files in one commit: if they are"
                    + " generated or vendored, leave them out with devops.sourceExcludes and the truck factor"
                    + " measures the code people write")));
        }
        String message;
        if (present.isEmpty()) {
            message = "Truck factor of " + where + " is " + tf.value() + ", and the knowledge has already left: "
                    + String.join(" and ", gone) + ", inactive for more than " + inactiveDays + " days, "
                    + (gone.size() == 1 ? "is the main author" : "are the main authors") + " of more than half of its "
                    + tf.files() + " source files, and nobody still active has become a main author of them.";
        } else {
            message = "Truck factor of " + where + " is " + tf.value() + ": if " + String.join(" and ", present)
                    + (present.size() == 1 ? " leaves" : " leave") + (gone.isEmpty() ? "" : ", after "
                    + String.join(" and ", gone) + " already left,") + " more than half of its " + tf.files()
                    + " source files have no remaining author who knows them.";
        }
        boolean failing = tf.value() <= fail;
        Finding finding = failing ? settings.fail(message, where, evidence) : settings.warn(message, where, evidence);
        return Judgement.of(List.of(finding), 0, summary).metrics(metrics).measured(tf.value());
    }
}
