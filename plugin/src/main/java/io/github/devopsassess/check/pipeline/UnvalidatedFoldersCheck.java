package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.pipeline.PathFilter;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Trigger;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code unvalidated-folders}: code folders that the path filters of the pipelines leave out, so that a change there
 * is never built or tested on the default branch. A folder counts as validated after merge when any workflow that a
 * push to {@code main}/{@code master} starts admits one of its files; a folder that only documents (Markdown, images)
 * is not judged. A folder that every pull request checks is validated before it reaches the default branch, so
 * leaving it out of the push build is a deliberate choice, not exempt code; folders of examples, samples, demos,
 * documentation, fixtures, test data, generated and vendored code are not judged either. One finding names the
 * filters (the root cause) and lists the folders.
 */
public final class UnvalidatedFoldersCheck extends PipelineCheck {

    public static final String ID = "unvalidated-folders";

    /** Names a default branch usually has; a push filter that admits none of them does not validate the branch. */
    private static final List<String> DEFAULT_BRANCHES = List.of("main", "master", "trunk", "develop", "dev");
    private static final Set<String> PULL_REQUEST = Set.of("pull_request", "pull_request_target", "merge_group");
    /** Files that are built, run or tested, by extension or name. */
    private static final Pattern CODE = Pattern.compile("(?i)(\\.(java|kt|kts|groovy|gradle|scala|clj|go|py|rb|js|jsx"
            + "|mjs|cjs|ts|tsx|vue|tf|hcl|cs|fs|vb|c|cc|cpp|cxx|h|hpp|rs|swift|m|php|pl|sh|bash|ps1|sql|lua|dart"
            + "|ex|exs|erl|r)|(^|/)(pom\\.xml|Makefile|Dockerfile|package\\.json|go\\.mod|Cargo\\.toml"
            + "|pyproject\\.toml|setup\\.py))$");

    /** Top-level folders that hold no code of the product itself: examples, documents, fixtures, generated code. */
    private static final Pattern NOT_PRODUCT = Pattern.compile("(?i)(examples?|samples?|demos?|docs?|documentation"
            + "|fixtures?|testdata|test-data|test_data|generated|gen|vendor|third[-_]party|dist|build)");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(PipelineFacts.class, TreeFacts.class);
    }

    /** What the filters do to one folder. */
    private record Exclusion(String folder, Set<String> patterns) {
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        TreeFacts tree = facts.get(TreeFacts.class);
        String prefix = tree.subtree().isEmpty() ? "" : tree.subtree() + "/";
        Map<String, List<String>> folders = new TreeMap<>();
        for (String f : tree.files()) {
            String rel = f.startsWith(prefix) ? f.substring(prefix.length()) : f;
            int slash = rel.indexOf('/');
            if (slash <= 0 || rel.startsWith(".") || !CODE.matcher(rel).find()
                    || NOT_PRODUCT.matcher(rel.substring(0, slash)).matches()) {
                continue; // files at the top, tool folders (.github/), documents and examples are left out
            }
            folders.computeIfAbsent(prefix + rel.substring(0, slash), k -> new ArrayList<>()).add(f);
        }
        List<Trigger> pushes = new ArrayList<>();
        List<Trigger> pullRequests = new ArrayList<>();
        Map<Trigger, Workflow> workflowOf = new LinkedHashMap<>();
        for (Workflow w : pipelines.entryWorkflows()) {
            if (w.jobs().isEmpty()) {
                continue;
            }
            for (Trigger t : w.triggers()) {
                if ("push".equals(t.event()) && DEFAULT_BRANCHES.stream().anyMatch(b -> t.filter() == null
                        || t.filter().runsOn(b))) {
                    pushes.add(t);
                    workflowOf.put(t, w);
                } else if (PULL_REQUEST.contains(t.event())) {
                    pullRequests.add(t);
                }
            }
        }
        if (pushes.stream().noneMatch(t -> t.filter() != null && t.filter().filtersPaths())) {
            return Judgement.clean(folders.size(), "no pipeline run on the default branch filters the changed paths");
        }
        List<Exclusion> excluded = new ArrayList<>();
        List<String> onPullRequestsOnly = new ArrayList<>();
        Map<Trigger, Boolean> cause = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : folders.entrySet()) {
            List<String> files = e.getValue();
            boolean covered = pushes.stream().anyMatch(t -> files.stream().anyMatch(f -> admits(t, f)));
            if (covered) {
                continue;
            }
            if (pullRequests.stream().anyMatch(t -> files.stream().anyMatch(f -> admits(t, f)))) {
                onPullRequestsOnly.add(e.getKey() + "/"); // checked before every merge: a deliberate choice
                continue;
            }
            Set<String> patterns = new LinkedHashSet<>();
            for (Trigger t : pushes) {
                if (t.filter() != null && t.filter().filtersPaths()) {
                    cause.put(t, true);
                    patterns.addAll(matching(t.filter(), files));
                }
            }
            excluded.add(new Exclusion(e.getKey(), patterns));
        }
        String checkedBeforeMerge = onPullRequestsOnly.isEmpty() ? "" : "; not judged: " + String.join(", ",
                onPullRequestsOnly) + " (left out of the push build, but checked on every pull request before merge)";
        if (excluded.isEmpty()) {
            return Judgement.clean(folders.size(), io.github.devopsassess.model.Words.plural(folders.size(),
                    "code folder", "code folders") + ", each built on the default branch or on every pull request"
                    + checkedBeforeMerge);
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Trigger t : cause.keySet()) {
            Workflow w = workflowOf.get(t);
            evidence.add(Evidence.line(t.filter().at().path(), t.filter().at().line()).withNote("push of workflow '"
                    + w.name() + "': " + String.join("; ", t.filter().exclusions())));
        }
        List<String> never = excluded.stream().map(x -> x.folder() + "/").toList();
        Set<String> patterns = new LinkedHashSet<>();
        excluded.forEach(x -> patterns.addAll(x.patterns()));
        String filters = evidence.stream().map(ev -> ev.path() + ":" + ev.startLine()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        String message = "The path filters of the pipelines run on a push to the default branch (" + filters
                + (patterns.isEmpty() ? "" : ": " + String.join(", ", patterns)) + ") leave out code that no other"
                + " workflow builds there: a change only to " + String.join(", ", never) + " starts no pipeline at"
                + " all, not even on a pull request.";
        String subject = "unvalidated:" + String.join(",", excluded.stream().map(Exclusion::folder).toList());
        Finding finding = settings.fail(message, subject, evidence);
        return Judgement.of(List.of(finding), folders.size(), excluded.size() + " of " + folders.size()
                + " code folders are left out of the pipelines on the default branch and on pull requests"
                + checkedBeforeMerge).lost(never.size());
    }

    private static boolean admits(Trigger t, String file) {
        return t.filter() == null || t.filter().admits(file);
    }

    /** The patterns of a filter that keep these files out, as written. */
    private static List<String> matching(PathFilter filter, List<String> files) {
        List<String> out = new ArrayList<>();
        for (String p : filter.pathsIgnore()) {
            PathFilter one = new PathFilter(List.of(), List.of(), List.of(), List.of(p), filter.at());
            if (files.stream().anyMatch(f -> !one.admits(f))) {
                out.add(p);
            }
        }
        if (!filter.paths().isEmpty()) {
            out.add("paths: " + String.join(" ", filter.paths()) + " only");
        }
        return out;
    }
}
