package io.github.devopsassess.check.ownership;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.ownership.FileOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code feedback-loops}: whether the people who use what the repository delivers have a way in and a voice in what it
 * tells them. A way in is an issue form or template for reports (GitHub {@code .github/ISSUE_TEMPLATE/}, a legacy
 * {@code ISSUE_TEMPLATE.md}, GitLab {@code .gitlab/issue_templates/}) or a {@code SUPPORT.md}; templates that are a
 * maintainer's checklist (a release, an epic, a story) are not one. A voice is an owner of the user-facing documents
 * ({@code README}, {@code CHANGELOG}, release notes, {@code docs/} or {@code doc/}) who owns no code: a writer, a
 * support or product team. When the repository has no way in, one finding says so and lists, when it is missing too,
 * that its documents are owned only by the code's owners or by nobody; documents owned by engineering alone, with a
 * way in, are only stated in the summary.
 */
public final class FeedbackLoopsCheck implements Check {

    public static final String ID = "feedback-loops";

    /** Documents for the people who use the project, at the top of the assessed tree. */
    private static final Pattern USER_DOCUMENT = Pattern.compile("(?i)^(readme|changelog|changes|history|news"
            + "|release[-_ ]?notes)([.][^/]*)?$|^(docs?|documentation)/.+");
    /** Where report templates live. */
    private static final Pattern TEMPLATE = Pattern.compile("(?i)^(\\.github/ISSUE_TEMPLATE/[^/]+\\.(ya?ml|md)"
            + "|(\\.github/|docs/)?ISSUE_TEMPLATE\\.md|\\.gitlab/issue_templates/[^/]+\\.md)$");
    /** A support page where GitHub shows it: at the top, in .github/ or docs/ (not a user guide's "support" topic). */
    private static final Pattern SUPPORT = Pattern.compile("(?i)^(\\.github/|docs/)?SUPPORT\\.(md|adoc|rst)$");
    /** Templates for the maintainers' own work, not for reports from outside. */
    private static final Pattern CHECKLIST = Pattern.compile("(?i)(^|[-_ ])(release|epic|story|task|chore|spike"
            + "|retro|retrospective|milestone)s?([-_ .]|$)");
    private static final int SHOWN = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(TreeFacts.class);
    }

    /** Ownership may be declared or not: documents nobody owns are what it looks for. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(OwnershipFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        TreeFacts tree = facts.get(TreeFacts.class);
        String prefix = tree.subtree().isEmpty() ? "" : tree.subtree() + "/";
        List<String> documents = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        List<String> checklists = new ArrayList<>();
        for (String file : tree.files()) {
            String relative = file.startsWith(prefix) ? file.substring(prefix.length()) : file;
            if (USER_DOCUMENT.matcher(relative).find()) {
                documents.add(file);
            }
            if (TEMPLATE.matcher(relative).find() || SUPPORT.matcher(relative).find()) {
                String name = file.substring(file.lastIndexOf('/') + 1);
                (CHECKLIST.matcher(name).find() ? checklists : templates).add(file);
            }
        }
        if (documents.isEmpty()) {
            return Judgement.inapplicable("no user-facing document (README, CHANGELOG, docs/) in the assessed tree");
        }
        Optional<OwnershipFacts> ownership = facts.find(OwnershipFacts.class);
        String docVoice = voice(documents, ownership.map(OwnershipFacts::files).orElse(List.of()));
        boolean wayIn = !templates.isEmpty();
        String summary = (wayIn ? "reports come in through " + Listing.some(templates, 3, ", ")
                : "no issue form, issue template or SUPPORT.md for reports" + (checklists.isEmpty() ? ""
                        : " (only maintainer templates: " + Listing.some(checklists, 3, ", ") + ")"))
                + "; user-facing documents: " + docVoice;
        if (wayIn) {
            return Judgement.clean(1, summary);
        }
        List<String> missing = new ArrayList<>();
        missing.add("an issue form or template for reports from users and support (.github/ISSUE_TEMPLATE/*.yml or"
                + " .md, .gitlab/issue_templates/*.md) or a SUPPORT.md saying where to report");
        if (!docVoice.startsWith("also owned by")) {
            missing.add("an owner of the user-facing documents beyond the code's owners (" + docVoice + ")");
        }
        List<Evidence> evidence = new ArrayList<>();
        documents.stream().filter(d -> d.indexOf('/', prefix.length()) < 0).limit(SHOWN)
                .forEach(d -> evidence.add(Evidence.file(d)));
        checklists.forEach(c -> evidence.add(Evidence.file(c).withNote("a maintainer's template, not for reports")));
        Finding f = settings.fail("Users and support have no declared way to report back: missing "
                + String.join("; and ", missing) + ". Support then learns of problems from customers, and the team"
                + " learns late.", "feedback-loops", evidence.isEmpty() ? List.of(Evidence.note(summary)) : evidence);
        return Judgement.of(List.of(f), 1, summary).lost(1);
    }

    /**
     * Who speaks for the users in the documents: "also owned by …" when an owner of a document owns no code, else
     * "owned only by the code's owners (…)" or "owned by nobody".
     */
    static String voice(List<String> documents, List<FileOwnership> files) {
        Set<String> docs = Set.copyOf(documents);
        Map<String, List<Owner>> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f.owners()));
        Set<Owner> codeOwners = new TreeSet<>();
        files.stream().filter(f -> !docs.contains(f.path())).forEach(f -> codeOwners.addAll(f.owners()));
        Set<Owner> docOwners = new TreeSet<>();
        documents.forEach(d -> docOwners.addAll(byPath.getOrDefault(d, List.of())));
        Set<String> beyond = new TreeSet<>();
        docOwners.stream().filter(o -> !codeOwners.contains(o)).forEach(o -> beyond.add(o.name()));
        if (!beyond.isEmpty()) {
            return "also owned by " + Listing.some(List.copyOf(beyond), 3, ", ");
        }
        if (docOwners.isEmpty()) {
            return "owned by nobody";
        }
        long individuals = docOwners.stream().filter(o -> o.kind().individual()).count();
        String who = individuals == docOwners.size() ? individuals + (individuals == 1 ? " person" : " people")
                : Listing.some(docOwners.stream().filter(o -> !o.kind().individual()).map(Owner::name).toList(), 3,
                        ", ");
        return "owned only by the code's owners (" + who + ")";
    }
}
