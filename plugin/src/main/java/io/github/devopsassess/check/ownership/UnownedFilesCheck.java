package io.github.devopsassess.check.ownership;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.FolderOwnership;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.facts.ownership.OwnershipResolver;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code unowned-files}: the share of files that no CODEOWNERS rule, Prow OWNERS or catalog entry gives an owner —
 * the exempt paths where nobody is asked to review a change.
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
            long since = history.get().headTime() - 365 * 86_400L;
            long people = history.get().commits().stream().filter(c -> !c.author().bot()
                    && c.commit().commitTime() > since).map(c -> c.author().key()).distinct().count();
            if (people < minPeople) {
                return Judgement.inapplicable((people == 1 ? "1 person" : people + " people")
                        + " changed the repository in the last year (fewer than "
                        + minPeople + "): ownership rules would name the same people");
            }
        }
        List<FileOwnership> files = ownership.files();
        String subtree = facts.find(TreeFacts.class).map(TreeFacts::subtree).orElse("");
        long unowned = files.stream().filter(f -> f.owners().isEmpty()).count();
        double share = (double) unowned / files.size();
        double warn = settings.threshold("warn", 0.1);
        double fail = settings.threshold("fail", 0.3);
        String summary = unowned + " of " + Words.plural(files.size(), "file", "files")
                + String.format(Locale.ROOT, " (%.0f%%) %s no owner (warn above %.0f%%, fail above %.0f%%)",
                        share * 100, Words.noun(unowned, "has", "have"), warn * 100, fail * 100);
        Map<String, Object> metrics = Map.of("unownedShare", share);
        if (!ownership.declared()) {
            Finding f = settings.fail("No CODEOWNERS, OWNERS or catalog owner exists: none of the " + files.size()
                    + " files has an owner who is asked to review changes to it.", "codeowners",
                    List.of(Evidence.note("looked for " + String.join(", ", ownership.searched()))));
            return Judgement.of(List.of(f), files.size(), summary).lost(files.size()).metrics(metrics);
        }
        if (share <= warn) {
            return Judgement.clean(summary).metrics(metrics);
        }
        boolean failing = share > fail;
        List<Evidence> places = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (FolderOwnership folder : ownership.folders()) {
            if (folder.unownedFiles() == 0) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            files.stream().filter(f -> f.owners().isEmpty()
                    && OwnershipResolver.topFolder(subtree, f.path()).equals(folder.folder()))
                    .filter(f -> f.source() != null).map(f -> Evidence.line(f.source(), f.lines().get(0))
                            .withNote("this rule names no owner"))
                    .distinct().limit(5).forEach(evidence::add);
            if (evidence.isEmpty() && ownership.codeowners() != null) {
                evidence.add(Evidence.file(ownership.codeowners().path()).withNote("no rule matches " + folder.folder()
                        + (folder.folder().equals(".") ? "" : "/")));
            }
            named.add(folder.folder() + (folder.folder().equals(".") ? "" : "/") + " (" + folder.unownedFiles()
                    + " of " + folder.files() + ")");
            evidence.stream().limit(2).forEach(places::add);
        }
        // one root cause, one finding: the folders the ownership declaration leaves out, listed
        String message = unowned + " of " + Words.plural(files.size(), "file", "files") + " "
                + Words.noun(unowned, "has", "have") + " no owner, in "
                + Words.plural(named.size(), "folder", "folders") + ": "
                + Listing.some(named, 6, ", ") + ". Nobody is asked to review changes there.";
        List<Evidence> evidence = places.stream().distinct().limit(12).toList();
        List<Finding> findings = List.of(failing ? settings.fail(message, "unowned", evidence)
                : settings.warn(message, "unowned", evidence));
        return Judgement.of(findings, files.size(), summary).lost(unowned).metrics(metrics);
    }
}
