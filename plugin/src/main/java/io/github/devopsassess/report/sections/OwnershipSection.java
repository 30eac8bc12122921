package io.github.devopsassess.report.sections;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.report.Adoc;
import io.github.devopsassess.report.SiteSection;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.FolderOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnerType;
import io.github.devopsassess.facts.ownership.OwnershipFacts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The "Ownership" section of the knowledge-silos page: every top-level folder with its owner type in words (team,
 * individual, none), its owners and its share of the files, then the CODEOWNERS rules whose declared owners history
 * contradicts (the {@code ownership-history-mismatch} check's findings).
 */
public final class OwnershipSection implements SiteSection {

    public static final String AREA = "knowledge-silos";
    static final int MAX_OWNERS = 6;
    static final int MAX_FOLDERS = 200;

    @Override
    public List<Section> sections(SiteContext context) {
        if (!AREA.equals(context.area())) {
            return List.of();
        }
        Optional<OwnershipFacts> found = context.facts().find(OwnershipFacts.class);
        if (found.isEmpty()) {
            return List.of();
        }
        OwnershipFacts facts = found.get();
        PeopleNames names = PeopleNames.of(context.facts());
        StringBuilder a = new StringBuilder();
        if (facts.codeowners() != null) {
            a.append("Declared ownership from ").append(Adoc.code(facts.codeowners().path())).append(".\n\n");
        } else if (!facts.declared()) {
            a.append("No CODEOWNERS file was found (looked in ")
                    .append(Adoc.text(String.join(", ", facts.searched()))).append("): nothing is owned.\n\n");
        }
        folders(a, facts, names);
        mismatches(a, context, facts, names);
        return List.of(new Section("Ownership", a.toString()));
    }

    private static void folders(StringBuilder a, OwnershipFacts facts, PeopleNames names) {
        List<FolderOwnership> folders = facts.folders();
        if (folders.isEmpty()) {
            a.append("The assessed tree has no files.\n\n");
            return;
        }
        int total = folders.stream().mapToInt(FolderOwnership::files).sum();
        a.append("=== Top-level folders\n\n");
        a.append("A folder's owner type is the type most of its files have: *team* (ownership survives one person"
                + " leaving), *individual* (only people own it) or *none*.\n\n");
        a.append("[.ownership-table,cols=\"3,2,5,1,1,3\",options=\"header\"]\n|===\n|Folder |Owner type |Owners"
                + " |Files |Share of files |Files by owner type\n");
        for (FolderOwnership f : folders.subList(0, Math.min(MAX_FOLDERS, folders.size()))) {
            a.append("|").append(Adoc.code(f.folder())).append(" |").append(typeRole(f.type())).append(" |")
                    .append(owners(f.owners(), names)).append(" |").append(f.files()).append(" |")
                    .append(total == 0 ? 0 : Math.round(100.0 * f.files() / total)).append("%")
                    .append(" |team ").append(f.teamFiles()).append(", individual ").append(f.individualFiles())
                    .append(", none ").append(f.unownedFiles()).append("\n");
        }
        a.append("|===\n\n");
        if (folders.size() > MAX_FOLDERS) {
            a.append(folders.size() - MAX_FOLDERS).append(" more folders are left out.\n\n");
        }
    }

    static String typeRole(OwnerType type) {
        return "[.owner-" + type.id() + "]#" + type.id() + "#";
    }

    /** Folder owners are stored as written; they are parsed again to tell teams from people. */
    private static String owners(List<String> owners, PeopleNames names) {
        if (owners.isEmpty()) {
            return "nobody";
        }
        List<String> shown = owners.stream().map(o -> names.owner(Owner.parse(o))).distinct().sorted().toList();
        String list = shown.stream().limit(MAX_OWNERS).map(Adoc::text).collect(Collectors.joining(", "));
        return shown.size() > MAX_OWNERS ? list + " and " + (shown.size() - MAX_OWNERS) + " more" : list;
    }

    private static void mismatches(StringBuilder a, SiteContext context, OwnershipFacts facts, PeopleNames names) {
        a.append("=== Declared owners that history disagrees with\n\n");
        Optional<CheckResult> result = context.assessment().areas().stream().map(AreaScore::checks)
                .flatMap(List::stream).filter(r -> r.check().equals("ownership-history-mismatch")).findFirst();
        if (result.isEmpty()) {
            a.append("The ").append(Adoc.code("ownership-history-mismatch"))
                    .append(" check is not enabled in the rubric.\n\n");
            return;
        }
        CheckResult r = result.get();
        if (!r.assessed()) {
            a.append("[.not-assessed]#Not assessed#: ").append(Adoc.text(r.summary())).append(".\n\n");
            return;
        }
        if (r.findings().isEmpty()) {
            a.append("None: ").append(Adoc.text(r.summary())).append(".\n\n");
            return;
        }
        a.append("CODEOWNERS rules that name people who never changed the files they own, while someone else made"
                + " most of the changes.\n\n");
        a.append("[.ownership-mismatch,cols=\"3,3,3,3\",options=\"header\"]\n|===\n|Rule |Declared owners"
                + " |Who changed it |Latest change\n");
        for (Finding f : r.findings().stream().sorted(java.util.Comparator.comparing(Finding::subject)).toList()) {
            Evidence ruleLine = f.evidence().stream().filter(e -> e.path() != null && e.startLine() != null)
                    .findFirst().orElse(null);
            Evidence change = f.evidence().stream().filter(e -> e.commit() != null).findFirst().orElse(null);
            CodeownersRule rule = ruleLine == null || facts.codeowners() == null ? null : facts.codeowners().rules()
                    .stream().filter(x -> x.line() == ruleLine.startLine()).findFirst().orElse(null);
            a.append("|").append(rule == null ? Adoc.text(f.subject())
                    : Adoc.code(rule.pattern().toString()) + " +\n" + Adoc.code(ruleLine.path() + ":"
                            + ruleLine.startLine()));
            a.append(" |").append(rule == null ? "see the finding" : rule.owners().stream()
                    .map(o -> Adoc.text(names.owner(o))).collect(Collectors.joining(", ")));
            String who = change == null || change.note() == null ? "" : change.note().replaceFirst(
                    "^latest change by ", "");
            a.append(" |").append(who.isEmpty() ? "not recorded" : Adoc.text(who));
            a.append(" |").append(change == null ? "" : Adoc.code(change.commit().substring(0,
                    Math.min(12, change.commit().length())))).append("\n");
        }
        a.append("|===\n\n");
    }
}
