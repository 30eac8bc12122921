package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.BroadGrant;
import io.github.devopsassess.facts.ownership.InfrastructureAccessFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code broad-infrastructure-access}: access declared as code that grants everything on the infrastructure production
 * runs on: IAM statements allowing every action, owner or administrator roles, Kubernetes bindings of people to
 * {@code cluster-admin} (Terraform or YAML), standing administrator access of people to production accounts, committed
 * kubeconfigs that open a cluster. One finding per kind of grant, listing its places.
 */
public final class BroadInfrastructureAccessCheck implements Check {

    public static final String ID = "broad-infrastructure-access";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(InfrastructureAccessFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        InfrastructureAccessFacts access = facts.get(InfrastructureAccessFacts.class);
        if (access.sources().isEmpty()) {
            return Judgement.inapplicable("no IAM policies, role assignments, Kubernetes role bindings, access lists"
                    + " or kubeconfigs are declared as code");
        }
        List<Finding> findings = new ArrayList<>();
        for (BroadGrant.Kind kind : BroadGrant.Kind.values()) {
            List<BroadGrant> of = access.grants().stream().filter(g -> g.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Evidence> evidence = of.stream().map(g -> Evidence.line(g.source(), g.line()).withNote(g.resource()
                    + (g.principal() == null ? "" : " → " + g.principal()) + ": " + g.detail())).toList();
            String where = Listing.some(of.stream().map(g -> kind == BroadGrant.Kind.KUBECONFIG ? g.source()
                    : g.resource()).distinct().toList(), 3, ", ");
            findings.add(settings.fail(message(kind, of.size(), where), "broad:" + kind.name().toLowerCase(
                    java.util.Locale.ROOT), evidence));
        }
        int judged = Math.max(access.declarations(), access.grants().size());
        String summary = access.grants().size() + " of " + Words.plural(judged,
                "policy statement, role grant or binding", "policy statements, role grants and bindings")
                + " in " + Words.plural(access.sources().size(), "file", "files") + " "
                + Words.noun(access.grants().size(), "grants", "grant") + " everything";
        Map<String, Object> metrics = Map.of("broadGrants", access.grants().size());
        if (findings.isEmpty()) {
            return Judgement.clean(judged, summary).metrics(metrics);
        }
        return Judgement.of(findings, judged, summary).lost(access.grants().size()).metrics(metrics);
    }

    private static String message(BroadGrant.Kind kind, int count, String where) {
        return switch (kind) {
            case WILDCARD_POLICY -> count + (count == 1 ? " IAM policy statement allows" : " IAM policy statements"
                    + " allow") + " every action (\"Action\": \"*\") in " + where + ": whoever holds it can change or"
                    + " delete anything in the account, production and its audit trail included.";
            case OWNER_ROLE -> count + (count == 1 ? " grant" : " grants") + " of an owner or administrator role"
                    + " (roles/owner, Owner, AdministratorAccess) in " + where + ": owners can also grant access,"
                    + " so access to production is no longer decided in review.";
            case CLUSTER_ADMIN -> count + (count == 1 ? " binding" : " bindings") + " of people or groups to"
                    + " cluster-admin (or a role that allows every verb on every resource) in " + where + ": every"
                    + " subject bound can read every secret and change every workload of the cluster.";
            case PRODUCTION_ADMIN -> count + (count == 1 ? " grant" : " grants") + " of standing administrator"
                    + " access to production in " + where + ": whoever is in the group can change or delete anything"
                    + " in production at any time, with no one deciding it at the moment it is used.";
            case KUBECONFIG -> count + (count == 1 ? " committed kubeconfig entry" : " committed kubeconfig entries")
                    + " (embedded credentials or a production current context) in " + where + ": whoever can read"
                    + " the repository can reach the cluster, and a command run with it goes to production.";
        };
    }
}
