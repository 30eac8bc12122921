package io.github.devopsassess.check.ownership;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.AuditLog;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.ProductionInfrastructure;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.Scope;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code production-audit-logging}: production cloud accounts or clusters defined in Terraform with no audit logging
 * declared in the repository: no CloudTrail (or GCP audit config, Azure activity-log diagnostic setting) for accounts,
 * no API-server audit log (EKS {@code audit} log type, AKS {@code kube-audit}, a Kubernetes audit policy) for
 * clusters. One finding per scope, naming where the production infrastructure is defined. Production accounts whose
 * control plane is logged here while no alert on access events is declared (no GuardDuty detector, no CloudWatch
 * metric filter or EventBridge rule on {@code ConsoleLogin}, root use or denied calls, no GCP log metric on audit
 * methods, no Azure activity-log alert) are one more finding. Audit logging configured
 * elsewhere (an organisation trail, a landing zone) cannot be seen, and the message says so. Google Cloud records
 * admin activity always, so its accounts and clusters need nothing declared.
 */
public final class ProductionAuditLoggingCheck implements Check {

    public static final String ID = "production-audit-logging";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(AuditLoggingFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        AuditLoggingFacts audit = facts.get(AuditLoggingFacts.class);
        List<ProductionInfrastructure> judged = audit.production().stream()
                .filter(p -> !p.provider().equals("google")).toList();
        if (judged.isEmpty()) {
            return Judgement.inapplicable("unknown, because no Terraform here defines a production AWS or Azure"
                    + " account or cluster" + (audit.production().isEmpty() ? ""
                            : " (Google Cloud records admin activity in its audit logs always)"));
        }
        List<Finding> findings = new ArrayList<>();
        for (Scope scope : List.of(Scope.ACCOUNT, Scope.CLUSTER)) {
            List<ProductionInfrastructure> of = judged.stream().filter(p -> p.scope() == scope).toList();
            if (of.isEmpty() || audit.logs().stream().anyMatch(l -> l.scope() == scope)) {
                continue;
            }
            List<Evidence> evidence = of.stream().map(p -> Evidence.line(p.source(), p.line())
                    .withNote(p.resource() + " (production by " + p.production() + ")")).toList();
            String where = Listing.some(of.stream().map(p -> p.resource() + " in " + p.source()).toList(), 3, ", ");
            findings.add(settings.fail(message(scope, of.size(), where), "audit:" + scope.name().toLowerCase(
                    java.util.Locale.ROOT), evidence));
        }
        // accounts whose control plane is logged here, with no alert on access events declared: recorded, unwatched
        List<ProductionInfrastructure> accounts = judged.stream().filter(p -> p.scope() == Scope.ACCOUNT).toList();
        List<AuditLog> accountLogs = audit.logs().stream().filter(l -> l.scope() == Scope.ACCOUNT).toList();
        if (!accounts.isEmpty() && !accountLogs.isEmpty() && audit.alerts().isEmpty()) {
            List<Evidence> evidence = new ArrayList<>();
            accounts.forEach(p -> evidence.add(Evidence.line(p.source(), p.line())
                    .withNote(p.resource() + " (production by " + p.production() + ")")));
            accountLogs.stream().limit(3).forEach(l -> evidence.add(Evidence.line(l.source(), l.line())
                    .withNote(l.what() + " records, nothing alerts")));
            findings.add(settings.warn(Words.plural(accounts.size(), "production account logs", "production accounts"
                    + " log") + " its control plane (" + Listing.some(accounts.stream().map(p -> p.resource() + " in "
                    + p.source()).toList(), 3, ", ") + "; " + Listing.some(accountLogs.stream().map(AuditLog::what)
                    .toList(), 2, ", ") + ") but alert on nothing: no GuardDuty detector, no CloudWatch metric"
                    + " filter or EventBridge rule on ConsoleLogin, root use or denied calls, no activity-log alert"
                    + " is declared in this repository, so unexpected access to production is recorded and noticed by"
                    + " no one until someone reads the trail. If alerting is set up elsewhere (an organisation's"
                    + " GuardDuty, a security account), this cannot be seen from here: waive the finding and say"
                    + " where.", "audit:alerts", evidence));
        }
        List<String> declared = audit.logs().stream().filter(l -> l.scope() != Scope.DATABASE)
                .map(AuditLog::what).toList();
        String summary = Words.plural(judged.size(), "production account or cluster", "production accounts and"
                + " clusters") + " defined in Terraform; audit logging declared: " + (declared.isEmpty() ? "none"
                        : Listing.some(declared, 3, ", ")) + (accounts.isEmpty() ? ""
                                : "; alerts on access events declared: " + (audit.alerts().isEmpty() ? "none"
                                        : Listing.some(audit.alerts().stream()
                                                .map(AuditLoggingFacts.AccessAlert::what).toList(), 3, ", ")));
        Map<String, Object> metrics = Map.of("productionInfrastructure", judged.size(), "auditLogs",
                audit.logs().size());
        if (findings.isEmpty()) {
            return Judgement.clean(judged.size(), summary).metrics(metrics);
        }
        return Judgement.of(findings, judged.size(), summary).metrics(metrics);
    }

    private static String message(Scope scope, int count, String where) {
        String defined = Words.plural(count, scope == Scope.ACCOUNT ? "production account is" : "production cluster"
                + " is", scope == Scope.ACCOUNT ? "production accounts are" : "production clusters are")
                + " defined (" + where + ")";
        String missing = scope == Scope.ACCOUNT
                ? "no audit trail of the account's control plane is declared in this repository (aws_cloudtrail or a"
                        + " CloudTrail module, an Azure activity-log diagnostic setting)"
                : "no audit log of the cluster's API server is declared in this repository (EKS"
                        + " enabled_cluster_log_types with \"audit\", an AKS kube-audit diagnostic setting, a"
                        + " Kubernetes audit policy)";
        return defined + " but " + missing + ": unexpected access to production would leave no record to detect"
                + " or investigate it. If audit logging is configured elsewhere (an organisation trail, a landing-zone"
                + " repository), this cannot be seen from here: waive the finding and say where.";
    }
}
