package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.StepRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code workflow-token-permissions}: GitHub workflows or jobs that grant their token {@code write-all}, and workflows
 * that say nothing, and so inherit the repository default (often write access to contents, packages and
 * deployments), where that token is exposed: the workflow runs on an event outsiders can fire
 * ({@code pull_request_target}, {@code issue_comment}, {@code workflow_run} ...), or it runs with a write-capable token
 * (any event but {@code pull_request}) and hands it to third-party code (an action of another owner than GitHub's
 * own) or deploys and releases with it. A workflow that only lints or tests a pull request with GitHub's own actions
 * is left out: a fork's pull request gets a read-only token, and judges of real repositories labelled such findings
 * trivial.
 */
public final class WorkflowTokenPermissionsCheck extends PipelineCheck {

    public static final String ID = "workflow-token-permissions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(PipelineFacts pipelines, Facts facts, CheckSettings settings) {
        List<Workflow> github = pipelines.workflows().stream().filter(w -> w.system().equals("github-actions"))
                .toList();
        if (github.isEmpty()) {
            return Judgement.inapplicable("no GitHub Actions workflow");
        }
        // One root cause, one finding: the workflows that leave the token at the repository's default, and apart
        // from them those that grant it write-all.
        List<Evidence> unscoped = new ArrayList<>();
        List<Evidence> writeAll = new ArrayList<>();
        int unexposed = 0;
        for (Workflow w : github) {
            if (w.permissions() == null) {
                boolean anyJobScoped = w.jobs().stream().anyMatch(j -> j.permissions() != null);
                String exposure = exposure(w);
                if (!anyJobScoped && exposure != null) { // where jobs set their own, the author has scoped the token
                    unscoped.add(Evidence.line(w.path(), 1).withNote("'" + w.name() + "': no 'permissions:', "
                            + exposure));
                } else if (!anyJobScoped) {
                    unexposed++;
                }
            } else if ("write-all".equals(w.permissions().level())) {
                writeAll.add(Evidence.line(w.path(), w.permissions().at().line()).withNote("'" + w.name()
                        + "': permissions: write-all"));
            }
            for (Job j : w.jobs()) {
                if (j.permissions() != null && "write-all".equals(j.permissions().level())) {
                    writeAll.add(Evidence.line(w.path(), j.permissions().at().line()).withNote("'" + w.name()
                            + "', job '" + j.id() + "': permissions: write-all"));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (!writeAll.isEmpty()) {
            findings.add(settings.fail(Words.plural(writeAll.size(), "workflow grants its", "workflows grant their")
                    + " token write-all: every step,"
                    + " including third-party actions, may push code, publish packages and change releases.",
                    "write-all", writeAll));
        }
        if (!unscoped.isEmpty()) {
            findings.add(settings.warn(unscoped.size() + " of "
                    + Words.plural(github.size(), "workflow", "workflows") + " "
                    + Words.noun(unscoped.size(), "sets", "set") + " no token"
                    + " permissions although outsiders can start them, or they deploy or run third-party code: their"
                    + " jobs run with the repository's default token rights. Declare"
                    + " 'permissions: contents: read' at the top and grant more per job.", "no-permissions",
                    unscoped));
        }
        String left = unexposed == 0 ? "" : "; " + Words.plural(unexposed, "workflow", "workflows")
                + " without 'permissions:' only " + Words.noun(unexposed, "checks", "check")
                + " pull requests or " + Words.noun(unexposed, "runs", "run") + " GitHub's own actions, and "
                + Words.noun(unexposed, "is", "are") + " not counted";
        return Judgement.of(findings, github.size(), (unscoped.size() + writeAll.size()) + " of "
                + Words.plural(github.size(), "workflow", "workflows") + " with exposed default or write-all token"
                + " permissions" + left)
                .lost(writeAll.size() + 0.5 * unscoped.size());
    }

    /** Events whose token is read-only for a fork (or carries no write): what a pull request's checks run on. */
    private static final Set<String> READ_ONLY = Set.of("pull_request", "merge_group");

    /**
     * Why the default token of a workflow matters, or {@code null} when it does not: who can start it, and what gets
     * the token.
     */
    private static String exposure(Workflow w) {
        for (var t : w.triggers()) {
            if (t.outsiderPrivileged()) {
                return "runs on " + t.event();
            }
        }
        if (!w.triggers().isEmpty() && w.triggers().stream().allMatch(t -> READ_ONLY.contains(t.event()))) {
            return null;
        }
        for (Job j : w.jobs()) {
            if (j.deploys() || j.has(StepRole.RELEASE)) {
                return "job '" + j.id() + "' deploys or releases";
            }
        }
        for (Job j : w.jobs()) {
            for (Reference r : j.references()) {
                if (("action".equals(r.kind()) || "reusable-workflow".equals(r.kind())) && thirdParty(r.ref())) {
                    return "third-party " + r.ref() + " runs with the token";
                }
            }
        }
        return null;
    }

    private static boolean thirdParty(String ref) {
        String owner = ref.contains("/") ? ref.substring(0, ref.indexOf('/')) : "";
        return !owner.isEmpty() && !owner.startsWith(".") && !owner.equalsIgnoreCase("actions")
                && !owner.equalsIgnoreCase("github");
    }
}
