package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.AccessAlert;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.AuditLog;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.ProductionInfrastructure;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.Scope;
import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclValue;
import io.github.devopsassess.scan.pipeline.ProductionPatterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in one Terraform file, the cloud accounts and clusters it defines and the audit logging it declares.
 * <ul>
 * <li>Accounts: {@code aws_organizations_account}, {@code google_project}, {@code azurerm_subscription}. Clusters:
 * {@code aws_eks_cluster}, {@code google_container_cluster}, {@code azurerm_kubernetes_cluster}, and module calls
 * of a module named for EKS, GKE ({@code kubernetes-engine}) or AKS (not node groups).</li>
 * <li>Audit logging: {@code aws_cloudtrail} and module calls whose source names CloudTrail;
 * {@code google_*_iam_audit_config}; {@code azurerm_monitor_diagnostic_setting} with a {@code kube-audit} category
 * (a cluster's) or on a subscription or with the {@code Administrative} category (an account's); EKS
 * {@code enabled_cluster_log_types} (or a module's {@code cluster_enabled_log_types}) with {@code audit}; pgaudit in a
 * parameter group.</li>
 * </ul>
 * An account or cluster is production when a word of its file's path (the deepest folder that names an environment
 * decides: {@code live/staging/} is staging), of its name or of a literal {@code name} marks production, or when a {@code *.tfvars} file beside it (or in its {@code config/}, {@code vars/},
 * {@code environments/} folder) is named for production. Module examples and tests are not production.
 */
final class TerraformAudit {

    /** Words that make a file worth parsing for audit logging or production infrastructure. */
    static final Pattern MARKER = Pattern.compile("\"(aws_cloudtrail|google_\\w+_iam_audit_config"
            + "|azurerm_monitor_diagnostic_setting|aws_eks_cluster|google_container_cluster|azurerm_kubernetes_cluster"
            + "|aws_organizations_account|google_project|azurerm_subscription|aws_guardduty_detector"
            + "|aws_cloudwatch_log_metric_filter|aws_cloudwatch_event_rule|google_logging_metric"
            + "|azurerm_monitor_activity_log_alert)\"|(?i)source\\s*=\\s*\"[^\"]*"
            + "(cloudtrail|eks|kubernetes-engine|gke|aks|guardduty)|pgaudit");
    /** What an alert on access events watches: sign-ins, the root user, denied or IAM-changing calls. */
    private static final Pattern ACCESS_EVENT = Pattern.compile("ConsoleLogin|AWS Console Sign In|aws\\.signin"
            + "|userIdentity\\.type\\s*=\\s*\\\\?\"?Root|\"Root\"|UnauthorizedOperation|AccessDenied"
            + "|aws\\.guardduty|GuardDuty Finding|CreateAccessKey|(Put|Attach|Delete)(User|Role|Group)Policy"
            + "|StopLogging|DeleteTrail|SetIamPolicy|cloudaudit\\.googleapis\\.com|protoPayload\\.methodName"
            + "|AuthorizeSecurityGroupIngress|CreateLoginProfile");

    private static final Map<String, String> ACCOUNTS = Map.of("aws_organizations_account", "aws", "google_project",
            "google", "azurerm_subscription", "azure");
    private static final Map<String, String> CLUSTERS = Map.of("aws_eks_cluster", "aws", "google_container_cluster",
            "google", "azurerm_kubernetes_cluster", "azure");
    private static final Pattern CLUSTER_MODULE = Pattern.compile("(^|[_-])(eks|kubernetes-engine|gke|aks)([_-]|$)");
    private static final Pattern GOOGLE_AUDIT = Pattern.compile("google_\\w+_iam_audit_config");
    private static final Set<String> NOT_PRODUCTION_FOLDERS = Set.of("examples", "example", "test", "tests",
            "fixtures", "testdata");
    private static final Set<String> VARS_FOLDERS = Set.of("", "config", "vars", "environments", "envs", "tfvars");

    private final String path;
    private final ProductionPatterns production;
    private final List<String> files;
    final List<ProductionInfrastructure> infrastructure = new ArrayList<>();
    final List<AuditLog> logs = new ArrayList<>();
    final List<AccessAlert> alerts = new ArrayList<>();

    /**
     * @param files every file of the tree, to find the {@code *.tfvars} beside the module
     */
    TerraformAudit(String path, ProductionPatterns production, List<String> files) {
        this.path = path;
        this.production = production;
        this.files = files;
    }

    void read(HclBody body, String text) {
        for (HclBlock b : body.blocks()) {
            if (b.type().equals("resource") && b.labels().size() == 2) {
                resource(b);
            } else if (b.type().equals("module") && b.labels().size() == 1) {
                module(b);
            }
        }
        int pgaudit = text.indexOf("pgaudit");
        if (pgaudit >= 0) {
            logs.add(new AuditLog(path, lineAt(text, pgaudit), Scope.DATABASE, "pgaudit"));
        }
    }

    private void resource(HclBlock b) {
        String type = b.labels().get(0);
        String address = type + "." + b.labels().get(1);
        if (type.equals("aws_cloudtrail")) {
            logs.add(new AuditLog(path, b.line(), Scope.ACCOUNT, address));
        } else if (GOOGLE_AUDIT.matcher(type).matches()) {
            logs.add(new AuditLog(path, b.line(), Scope.ACCOUNT, address));
        } else if (type.equals("azurerm_monitor_diagnostic_setting")) {
            diagnosticSetting(b, address);
        } else if (type.equals("aws_guardduty_detector")) {
            if (!"false".equals(b.attribute("enable").map(a -> a.value().text()).orElse(null))) {
                alerts.add(new AccessAlert(path, b.line(), "aws", address + " (GuardDuty)"));
            }
        } else if (type.equals("aws_cloudwatch_log_metric_filter")) {
            watching(b, "pattern", "aws", address);
        } else if (type.equals("aws_cloudwatch_event_rule")) {
            watching(b, "event_pattern", "aws", address);
        } else if (type.equals("google_logging_metric")) {
            watching(b, "filter", "google", address);
        } else if (type.equals("azurerm_monitor_activity_log_alert")) {
            alerts.add(new AccessAlert(path, b.line(), "azure", address + " (activity log alert)"));
        } else if (ACCOUNTS.containsKey(type)) {
            site(b, Scope.ACCOUNT, address, ACCOUNTS.get(type));
        } else if (CLUSTERS.containsKey(type)) {
            site(b, Scope.CLUSTER, address, CLUSTERS.get(type));
            if (type.equals("aws_eks_cluster")) {
                auditLogTypes(b, "enabled_cluster_log_types", address);
            }
        }
    }

    private void module(HclBlock b) {
        String source = literal(b.attribute("source").map(HclAttribute::value).orElse(null));
        if (source == null) {
            return;
        }
        String address = "module." + b.labels().get(0);
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.contains("guardduty")) {
            alerts.add(new AccessAlert(path, b.line(), "aws", address + " (" + source + ")"));
        } else if (lower.contains("cloudtrail")) {
            logs.add(new AuditLog(path, b.line(), Scope.ACCOUNT, address + " (" + source + ")"));
        } else if (clusterModule(lower)) {
            String provider = lower.contains("eks") ? "aws" : lower.contains("aks") ? "azure" : "google";
            site(b, Scope.CLUSTER, address, provider);
            auditLogTypes(b, "cluster_enabled_log_types", address);
            auditLogTypes(b, "enabled_cluster_log_types", address);
            if (lower.contains("terraform-aws-modules/eks") && b.attribute("cluster_enabled_log_types").isEmpty()) {
                // the module enables the audit log type unless told otherwise
                logs.add(new AuditLog(path, b.line(), Scope.CLUSTER, address + " (the module's default log types"
                        + " include \"audit\")"));
            }
        }
    }

    /**
     * Whether a module source points at a cluster module: a package named for EKS, GKE or AKS
     * ({@code terraform-aws-modules/eks/aws}, {@code git::…/terraform-aws-eks-cluster.git?ref=…}), or, with a
     * sub-folder, one whose last folder is such a name or a {@code …-cluster} of such a package
     * ({@code terraform-google-modules/kubernetes-engine/google//modules/private-cluster}); a module kept beside an AKS
     * module ({@code ./vendor/modules/aks//aks/cluster_data}) and node groups are not clusters.
     */
    static boolean clusterModule(String source) {
        String s = source.replaceFirst("\\?.*$", "").replaceFirst("/+$", "");
        int scheme = s.indexOf("://");
        int sub = s.indexOf("//", scheme < 0 ? 0 : scheme + 3);
        String pkg = sub < 0 ? s : s.substring(0, sub);
        String[] parts = pkg.split("/");
        boolean registry = !pkg.contains(":") && !pkg.startsWith(".") && !pkg.startsWith("/")
                && (parts.length == 3 || parts.length == 4);
        String name = registry ? parts[parts.length - 2] : parts[parts.length - 1].replaceFirst("\\.git$", "");
        if (name.contains("node")) {
            return false;
        }
        if (sub < 0) {
            return CLUSTER_MODULE.matcher(name).find();
        }
        String folder = s.substring(s.lastIndexOf('/') + 1);
        return !folder.contains("node") && (CLUSTER_MODULE.matcher(folder).find()
                || CLUSTER_MODULE.matcher(name).find() && folder.matches("(.*[_-])?cluster"));
    }

    /** A metric filter, event rule or log metric whose pattern names an access event: an alert on it. */
    private void watching(HclBlock b, String attribute, String provider, String address) {
        b.attribute(attribute).map(a -> a.value().source()).map(ACCESS_EVENT::matcher).filter(Matcher::find)
                .ifPresent(m -> alerts.add(new AccessAlert(path, b.line(), provider, address + " ("
                        + m.group().replace("\\", "").replace("\"", "") + ")")));
    }

    private void auditLogTypes(HclBlock b, String name, String address) {
        b.attribute(name).filter(a -> a.value() instanceof HclValue.ListValue list && list.items().stream()
                .anyMatch(i -> "audit".equals(literal(i)))).ifPresent(a -> logs.add(new AuditLog(path, a.line(),
                        Scope.CLUSTER, address + " " + name + " with \"audit\"")));
    }

    private void diagnosticSetting(HclBlock b, String address) {
        List<String> categories = new ArrayList<>();
        for (String block : List.of("enabled_log", "log")) {
            for (HclBlock log : b.blocks(block)) {
                log.attribute("category").map(a -> literal(a.value())).ifPresent(categories::add);
                log.attribute("category_group").map(a -> literal(a.value())).ifPresent(categories::add);
            }
        }
        String target = b.attribute("target_resource_id").map(a -> a.value().source()).orElse("");
        Optional<String> kube = categories.stream().filter(c -> c != null && c.startsWith("kube-audit")).findFirst();
        if (kube.isPresent()) {
            logs.add(new AuditLog(path, b.line(), Scope.CLUSTER, address + " (" + kube.get() + ")"));
        } else if (target.toLowerCase(Locale.ROOT).contains("subscription") || categories.contains("Administrative")) {
            logs.add(new AuditLog(path, b.line(), Scope.ACCOUNT, address + " (activity log)"));
        }
    }

    private void site(HclBlock b, Scope scope, String address, String provider) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (NOT_PRODUCTION_FOLDERS.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        String why = null;
        // the deepest folder that names an environment decides: live/staging/ is staging, not production
        for (int i = segments.length - 1; i >= 0 && why == null; i--) {
            String segment = i == segments.length - 1 ? segments[i].replaceFirst("\\.tf(\\.json)?$", "") : segments[i];
            if (production.matches(segment)) {
                why = "path " + String.join("/", java.util.Arrays.copyOfRange(segments, 0, i + 1));
            } else if (EnvironmentNames.known(segment).isPresent()) {
                return;
            }
        }
        if (why == null && production.matches(b.labels().get(b.labels().size() - 1))) {
            why = "name " + b.labels().get(b.labels().size() - 1);
        }
        if (why == null) {
            for (String attribute : List.of("name", "cluster_name", "project_id", "alias")) {
                String value = literal(b.attribute(attribute).map(HclAttribute::value).orElse(null));
                if (value != null && production.matches(value)) {
                    why = attribute + " " + value;
                    break;
                }
            }
        }
        if (why == null) {
            why = productionVars().orElse(null);
        }
        if (why != null) {
            infrastructure.add(new ProductionInfrastructure(path, b.line(), scope, address, provider, why));
        }
    }

    /** A {@code *.tfvars} file for production beside this file's module: the module is applied to production. */
    private Optional<String> productionVars() {
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        for (String f : files) {
            if (!f.startsWith(folder) || !(f.endsWith(".tfvars") || f.endsWith(".tfvars.json"))) {
                continue;
            }
            String rest = f.substring(folder.length());
            String sub = rest.contains("/") ? rest.substring(0, rest.lastIndexOf('/')) : "";
            String name = rest.substring(rest.lastIndexOf('/') + 1).replaceFirst("\\.tfvars(\\.json)?$", "");
            if (VARS_FOLDERS.contains(sub) && production.matches(name)) {
                return Optional.of(rest);
            }
        }
        return Optional.empty();
    }

    private static String literal(HclValue v) {
        return v instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING ? l.text() : null;
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
