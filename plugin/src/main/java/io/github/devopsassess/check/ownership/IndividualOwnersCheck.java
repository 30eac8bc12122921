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
import io.github.devopsassess.facts.ownership.FolderOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnerType;
import io.github.devopsassess.facts.ownership.OwnershipFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code individual-owners}: files owned only by individual people rather than a team, and a catch-all rule
 * ({@code * @one-person}) that makes one person the owner of everything — ownership that leaves with a person.
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

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        OwnershipFacts ownership = facts.get(OwnershipFacts.class);
        if (ownership.files().isEmpty()) {
            return Judgement.inapplicable("the tree has no files");
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
            List<FolderOwnership> folders = ownership.folders().stream()
                    .filter(f -> f.type() == OwnerType.INDIVIDUAL).toList();
            if (!folders.isEmpty()) {
                List<String> named = folders.stream().map(f -> f.folder() + "/ (" + f.owners().stream()
                        .map(o -> people.owner(Owner.parse(o))).collect(Collectors.joining(", "))
                        + ")").toList();
                String message = Words.plural(folders.size(), "folder is", "folders are")
                        + " owned only by individuals, not by a team: "
                        + Listing.some(named, 5, "; ") + ".";
                List<Evidence> evidence = folders.stream().flatMap(f -> evidence(ownership, f).stream().limit(1))
                        .distinct().limit(10).toList();
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

    private static List<Evidence> evidence(OwnershipFacts ownership, FolderOwnership folder) {
        String prefix = folder.folder() + "/";
        return ownership.files().stream().filter(f -> f.path().startsWith(prefix) && f.source() != null
                && f.type() == OwnerType.INDIVIDUAL).map(f -> Evidence.line(f.source(), f.lines().get(0)))
                .distinct().limit(5).toList();
    }
}
