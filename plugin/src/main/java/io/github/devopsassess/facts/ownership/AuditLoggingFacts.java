package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * Production infrastructure and the audit logging declared for it as code. Audit logging configured outside the
 * repository (an organisation trail, a landing-zone repository, a cloud console) is not seen, so an absence means "not
 * declared here", never "not configured".
 *
 * @param production production cloud accounts and clusters defined in Terraform, in file and line order
 * @param logs the audit logging declared in the repository, in file and line order
 * @param alerts the alerts on access events declared in the repository, in file and line order
 */
public record AuditLoggingFacts(List<ProductionInfrastructure> production, List<AuditLog> logs,
        List<AccessAlert> alerts) {

    public AuditLoggingFacts {
        production = List.copyOf(production);
        logs = List.copyOf(logs);
        alerts = List.copyOf(alerts);
    }

    /** Production and audit logging, without any alert declared. */
    public AuditLoggingFacts(List<ProductionInfrastructure> production, List<AuditLog> logs) {
        this(production, logs, List.of());
    }

    /**
     * An alert on access events declared in the repository: a GuardDuty detector, a CloudWatch metric filter or
     * EventBridge rule on CloudTrail events such as {@code ConsoleLogin} or the root user's use, a GCP log-based
     * metric on audit-log methods, an Azure activity-log alert.
     *
     * @param source the file
     * @param line the line of the resource or module block
     * @param provider {@code aws}, {@code google} or {@code azure}
     * @param what the declaration as written, with what it watches ({@code aws_guardduty_detector.main},
     *     {@code aws_cloudwatch_log_metric_filter.console_login (ConsoleLogin)})
     */
    public record AccessAlert(String source, int line, String provider, String what) {
    }

    /** What an audit log records, and what a production definition needs one for. */
    public enum Scope {
        /** Calls to the cloud's control plane: who changed what in the account, project or subscription. */
        ACCOUNT,
        /** Requests to a Kubernetes API server: who read a secret, who exec'd into a pod. */
        CLUSTER,
        /** Statements run against a database (pgaudit). */
        DATABASE
    }

    /**
     * A cloud account or a cluster that production runs on, as Terraform defines it.
     *
     * @param source the {@code .tf} file
     * @param line the line of the resource or module block
     * @param scope {@link Scope#ACCOUNT} for an account, project or subscription, {@link Scope#CLUSTER} for a cluster
     * @param resource the Terraform address ({@code aws_eks_cluster.main}, {@code module.eks})
     * @param provider {@code aws}, {@code google} or {@code azure}
     * @param production what marks it as production, as written ({@code path environments/production},
     *     {@code config/production.tfvars.json})
     */
    public record ProductionInfrastructure(String source, int line, Scope scope, String resource, String provider,
            String production) {
    }

    /**
     * Audit logging declared in the repository.
     *
     * @param source the file
     * @param line the line that declares it
     * @param scope what it records
     * @param what the declaration as written ({@code aws_cloudtrail.main}, {@code audit.k8s.io Policy})
     */
    public record AuditLog(String source, int line, Scope scope, String what) {
    }
}
