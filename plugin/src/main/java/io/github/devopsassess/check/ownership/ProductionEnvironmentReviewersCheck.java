package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.DeploymentEnvironment;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code production-environment-reviewers}: production deployment environments declared as code with no required
 * reviewers, or whose reviewers may approve their own deployments.
 */
public final class ProductionEnvironmentReviewersCheck implements Check {

    public static final String ID = "production-environment-reviewers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(AccessFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        AccessFacts access = facts.get(AccessFacts.class);
        List<DeploymentEnvironment> production = access.environments().stream()
                .filter(DeploymentEnvironment::production).toList();
        if (production.isEmpty()) {
            return Judgement.inapplicable("no production environment is declared as code");
        }
        List<Finding> findings = new ArrayList<>();
        int failing = 0;
        for (DeploymentEnvironment e : production) {
            Evidence where = Evidence.line(e.source(), e.line());
            if (e.reviewers().isEmpty()) {
                failing++;
                findings.add(settings.fail("The " + e.name() + " environment has no required reviewers: any workflow"
                        + " run that may use it deploys to production without anyone approving.",
                        "environment:" + e.name(), List.of(where)));
            } else if (!Boolean.TRUE.equals(e.preventSelfReview())) {
                findings.add(settings.warn("Reviewers of the " + e.name() + " environment may approve their own"
                        + " deployments (prevent_self_review is off).", "environment:" + e.name() + ":self-review",
                        List.of(where)));
            }
        }
        String summary = failing + " of "
                + Words.plural(production.size(), "production environment", "production environments") + " "
                + Words.noun(failing, "has", "have") + " no reviewers";
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, production.size(), summary).lost(failing + 0.3 * (findings.size() - failing));
    }
}
