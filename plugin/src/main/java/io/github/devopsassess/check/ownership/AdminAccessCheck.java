package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.AccessGrant;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code admin-access}: more people or teams with admin rights on the repository than {@code maxAdmins}, and bots
 * with admin rights (a leaked bot token then owns the repository, protection included).
 */
public final class AdminAccessCheck implements Check {

    public static final String ID = "admin-access";

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
        if (access.grants().isEmpty()) {
            return Judgement.inapplicable("no repository permissions are declared as code (collaborators, teams,"
                    + " permissionRules or Terraform)");
        }
        List<AccessGrant> admins = access.grants().stream().filter(AccessGrant::admin).toList();
        int max = settings.intThreshold("maxAdmins", 3);
        List<Finding> findings = new ArrayList<>();
        for (AccessGrant g : admins) {
            if (g.bot()) {
                findings.add(settings.fail((g.team() ? "The team " : "The account ") + g.principal() + " looks like"
                        + " a bot and has admin rights: whoever holds its token can change branch protection and"
                        + " push anything.", "admin:" + g.principal(), List.of(Evidence.line(g.source(), g.line()))));
            }
        }
        if (admins.size() > max) {
            List<Evidence> evidence = admins.stream().map(g -> Evidence.line(g.source(), g.line())
                    .withNote(g.principal())).toList();
            findings.add(settings.fail(Words.plural(admins.size(), "person or team has", "people or teams have")
                    + " admin rights (at most " + max
                    + " expected): every admin can bypass or remove the controls on the default branch.", "admins",
                    evidence));
        }
        String summary = admins.size() + " admin grants of " + access.grants().size() + " (at most " + max + ")";
        if (findings.isEmpty()) {
            return Judgement.clean(summary).metrics(Map.of("admins", admins.size()));
        }
        return Judgement.of(findings, 0, summary).measured(findings.size()).metrics(Map.of("admins", admins.size()));
    }
}
