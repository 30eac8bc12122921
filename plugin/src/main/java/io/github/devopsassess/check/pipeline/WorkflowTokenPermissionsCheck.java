package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
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
public final class WorkflowTokenPermissionsCheck implements Check {

    public static final String ID = "workflow-token-permissions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.get(PipelineFacts.class);
        List<Workflow> github = pipelines.workflows().stream().filter(w -> w.system().equals("github-actions"))
                .toList();
        if (github.isEmpty()) {
            return Judgement.inapplicable("no GitHub Actions workflow");
        }
        List<Finding> findings = new ArrayList<>();
        for (Workflow w : github) {
            if (w.permissions() == null) {
                boolean allJobsScoped = !w.jobs().isEmpty() && w.jobs().stream().allMatch(j -> j.permissions() != null);
                if (!allJobsScoped) {
                    findings.add(settings.warn("'" + w.name() + "' sets no top-level permissions: every job runs"
                            + " with the repository's default token rights.", w.path(),
                            List.of(Evidence.line(w.path(), 1).withNote("no 'permissions:'"))));
                }
            } else if ("write-all".equals(w.permissions().level())) {
                findings.add(settings.fail("'" + w.name() + "' grants its token write-all: every step, including"
                        + " third-party actions, may push code, publish packages and change releases.", w.path(),
                        List.of(Evidence.line(w.path(), w.permissions().at().line()).withNote("permissions: "
                                + "write-all"))));
            }
        }
        return Judgement.of(findings, github.size(), findings.size() + " of " + github.size()
                + " workflow(s) with missing or write-all token permissions");
    }
}
