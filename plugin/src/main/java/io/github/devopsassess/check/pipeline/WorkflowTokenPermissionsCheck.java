package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code workflow-token-permissions}: GitHub workflows that grant their token {@code write-all}, or say nothing and
 * so inherit the repository default (often write access to contents, packages and deployments) for every job and
 * every third-party action in it.
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
        for (Workflow w : github) {
            if (w.permissions() == null) {
                boolean anyJobScoped = w.jobs().stream().anyMatch(j -> j.permissions() != null);
                if (!anyJobScoped) { // where some jobs set their own, the workflow's author has scoped the token
                    unscoped.add(Evidence.line(w.path(), 1).withNote("'" + w.name() + "': no 'permissions:'"));
                }
            } else if ("write-all".equals(w.permissions().level())) {
                writeAll.add(Evidence.line(w.path(), w.permissions().at().line()).withNote("'" + w.name()
                        + "': permissions: write-all"));
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
                    + " permissions: their jobs run with the repository's default token rights. Declare"
                    + " 'permissions: contents: read' at the top and grant more per job.", "no-permissions",
                    unscoped));
        }
        return Judgement.of(findings, github.size(), (unscoped.size() + writeAll.size()) + " of "
                + Words.plural(github.size(), "workflow", "workflows") + " with missing or write-all token permissions")
                .lost(writeAll.size() + 0.5 * unscoped.size());
    }
}
