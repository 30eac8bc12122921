package io.github.devopsassess.check.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.AuditLog;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.ProductionInfrastructure;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts.Scope;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** production-audit-logging on Terraform and Kubernetes audit policies in the shapes real repositories use. */
class ProductionAuditLoggingCheckTest {

    /** A production root module: an EKS cluster without the audit log type, and the account's trail. */
    private static final String PRODUCTION_EKS = """
            resource "aws_eks_cluster" "main" {
              name     = "platform"
              role_arn = aws_iam_role.cluster.arn
              version  = "1.30"

              enabled_cluster_log_types = ["api", "authenticator"]

              vpc_config {
                subnet_ids = var.subnet_ids
              }
            }
            """;

    private static final String TRAIL = """
            module "cloudtrail" {
              source  = "cloudposse/cloudtrail/aws"
              version = "0.24.0"

              enable_log_file_validation    = true
              include_global_service_events = true
              is_multi_region_trail         = true
              s3_bucket_name                = module.cloudtrail_s3_bucket.bucket_id
            }
            """;

    @Test
    void aProductionClusterWithoutAnApiServerAuditLogIsOneFindingNamingWhereItIsDefined(@TempDir Path dir)
            throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "environments/production/eks.tf", PRODUCTION_EKS,
                "environments/production/audit.tf", TRAIL,
                // a module's example is not production
                "modules/eks/examples/complete/main.tf", PRODUCTION_EKS.replace("platform", "example-prod"));

        AuditLoggingFacts audit = facts.find(AuditLoggingFacts.class).orElseThrow();
        assertThat(audit.production()).extracting(ProductionInfrastructure::source, ProductionInfrastructure::line,
                ProductionInfrastructure::scope, ProductionInfrastructure::resource,
                ProductionInfrastructure::production).containsExactly(tuple("environments/production/eks.tf", 1,
                        Scope.CLUSTER, "aws_eks_cluster.main", "path environments/production"));
        assertThat(audit.logs()).extracting(AuditLog::source, AuditLog::line, AuditLog::scope).containsExactly(
                tuple("environments/production/audit.tf", 1, Scope.ACCOUNT));

        CheckResult r = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("audit:cluster");
        Finding f = r.findings().get(0);
        assertThat(f.message()).startsWith("1 production cluster is defined (aws_eks_cluster.main in"
                + " environments/production/eks.tf) but no audit log of the cluster's API server is declared")
                .contains("If audit logging is configured elsewhere");
        assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine, Evidence::note).containsExactly(
                tuple("environments/production/eks.tf", 1,
                        "aws_eks_cluster.main (production by path environments/production)"));
    }

    @Test
    void auditLogTypesAnAksDiagnosticSettingOrAnAuditPolicyCoverAProductionCluster(@TempDir Path dir)
            throws Exception {
        Facts eks = AccessControlChecksTest.scan(dir.resolve("eks"), "environments/prod/eks.tf",
                PRODUCTION_EKS.replace("[\"api\", \"authenticator\"]", "[\"api\", \"audit\", \"authenticator\"]"));
        CheckResult r = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), eks);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).isEqualTo("1 production account or cluster defined in Terraform; audit logging"
                + " declared: aws_eks_cluster.main enabled_cluster_log_types with \"audit\"");

        // one AKS module applied per environment with config/<environment>.tfvars.json, its audit log in another file
        Facts aks = AccessControlChecksTest.scan(dir.resolve("aks"), "cluster/terraform_aks_cluster/main.tf", """
                resource "azurerm_kubernetes_cluster" "main" {
                  name                = local.cluster_name
                  location            = data.azurerm_resource_group.cluster.location
                  resource_group_name = data.azurerm_resource_group.cluster.name
                  dns_prefix          = local.dns_prefix
                }
                """, "cluster/terraform_aks_cluster/analytics.tf", """
                resource "azurerm_monitor_diagnostic_setting" "aks_system_logs" {
                  name                       = "aks-system-logs"
                  target_resource_id         = azurerm_kubernetes_cluster.main.id
                  log_analytics_workspace_id = azurerm_log_analytics_workspace.aks_system_logs.id

                  enabled_log {
                    category = "kube-apiserver"
                  }
                  enabled_log {
                    category = "kube-audit-admin"
                  }
                }
                """, "cluster/terraform_aks_cluster/config/development.tfvars.json", "{\"cluster_size\": 1}\n",
                "cluster/terraform_aks_cluster/config/production.tfvars.json", "{\"cluster_size\": 3}\n");
        AuditLoggingFacts facts = aks.find(AuditLoggingFacts.class).orElseThrow();
        assertThat(facts.production()).extracting(ProductionInfrastructure::resource,
                ProductionInfrastructure::provider, ProductionInfrastructure::production).containsExactly(tuple(
                        "azurerm_kubernetes_cluster.main", "azure", "config/production.tfvars.json"));
        assertThat(facts.logs()).extracting(AuditLog::line, AuditLog::scope, AuditLog::what).containsExactly(tuple(1,
                Scope.CLUSTER, "azurerm_monitor_diagnostic_setting.aks_system_logs (kube-audit-admin)"));
        assertThat(AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), aks).status())
                .isEqualTo(CheckStatus.PASS);

        // a self-managed cluster whose API server reads a Kubernetes audit policy
        Facts policy = AccessControlChecksTest.scan(dir.resolve("policy"), "clusters/live/eks.tf",
                PRODUCTION_EKS, "clusters/live/audit-policy.yaml", """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages:
                  - RequestReceived
                rules:
                  - level: Metadata
                    resources:
                      - group: ""
                        resources: ["secrets", "configmaps"]
                  - level: RequestResponse
                    verbs: ["create", "update", "patch", "delete"]
                """);
        assertThat(policy.find(AuditLoggingFacts.class).orElseThrow().logs()).extracting(AuditLog::source,
                AuditLog::line, AuditLog::scope).containsExactly(tuple("clusters/live/audit-policy.yaml", 2,
                        Scope.CLUSTER));
        assertThat(AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), policy).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aProductionAccountWithOnlyADatabaseAuditIsAFindingAndAModulesDefaultCounts(@TempDir Path dir)
            throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "organisation/accounts.tf", """
                resource "aws_organizations_account" "payments_production" {
                  name      = "payments-production"
                  email     = "aws+payments-production@example.org"
                  parent_id = aws_organizations_organizational_unit.workloads.id
                }

                resource "aws_organizations_account" "payments_development" {
                  name      = "payments-development"
                  email     = "aws+payments-development@example.org"
                  parent_id = aws_organizations_organizational_unit.workloads.id
                }
                """, "organisation/rds.tf", """
                resource "aws_db_parameter_group" "audit" {
                  name   = "payments-pg16"
                  family = "postgres16"

                  parameter {
                    name         = "shared_preload_libraries"
                    value        = "pg_stat_statements,pgaudit"
                    apply_method = "pending-reboot"
                  }
                }
                """, "prod/cluster.tf", """
                module "eks" {
                  source  = "terraform-aws-modules/eks/aws"
                  version = "~> 20.0"

                  cluster_name    = "payments"
                  cluster_version = "1.30"
                }
                """);
        AuditLoggingFacts audit = facts.find(AuditLoggingFacts.class).orElseThrow();
        assertThat(audit.production()).extracting(ProductionInfrastructure::resource,
                ProductionInfrastructure::scope, ProductionInfrastructure::production).containsExactly(
                        tuple("aws_organizations_account.payments_production", Scope.ACCOUNT,
                                "name payments_production"),
                        tuple("module.eks", Scope.CLUSTER, "path prod"));
        assertThat(audit.logs()).extracting(AuditLog::source, AuditLog::line, AuditLog::scope).containsExactly(
                tuple("organisation/rds.tf", 7, Scope.DATABASE), tuple("prod/cluster.tf", 1, Scope.CLUSTER));

        CheckResult r = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), facts);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("audit:account");
        assertThat(r.findings().get(0).message()).startsWith("1 production account is defined"
                + " (aws_organizations_account.payments_production in organisation/accounts.tf) but no audit trail");
        assertThat(r.findings().get(0).evidence()).extracting(Evidence::path, Evidence::startLine)
                .containsExactly(tuple("organisation/accounts.tf", 1));
    }

    private static final String PRODUCTION_ACCOUNT = """
            resource "aws_organizations_account" "payments_production" {
              name      = "payments-production"
              email     = "aws+payments-production@example.org"
              parent_id = aws_organizations_organizational_unit.workloads.id
            }
            """;

    @Test
    void aProductionAccountThatLogsButAlertsOnNothingIsAFindingAndAnAccessAlertClearsIt(@TempDir Path dir)
            throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "organisation/accounts.tf", PRODUCTION_ACCOUNT,
                "organisation/audit.tf", TRAIL,
                // a metric filter on something else is no alert on access
                "organisation/metrics.tf", """
                        resource "aws_cloudwatch_log_metric_filter" "errors" {
                          name           = "application-errors"
                          pattern        = "ERROR"
                          log_group_name = aws_cloudwatch_log_group.app.name

                          metric_transformation {
                            name      = "ErrorCount"
                            namespace = "App"
                            value     = "1"
                          }
                        }
                        """);

        CheckResult r = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), facts);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("audit:alerts");
            assertThat(f.message()).startsWith("1 production account logs its control plane"
                    + " (aws_organizations_account.payments_production in organisation/accounts.tf;"
                    + " module.cloudtrail (cloudposse/cloudtrail/aws)) but alert on nothing");
            assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                    tuple("organisation/accounts.tf", 1), tuple("organisation/audit.tf", 1));
        });
        assertThat(r.summary()).endsWith("alerts on access events declared: none");

        // CIS-style alarms kept in Terraform's JSON syntax: a metric filter on console sign-ins
        Facts alerted = AccessControlChecksTest.scan(dir.resolve("alerted"), "organisation/accounts.tf",
                PRODUCTION_ACCOUNT, "organisation/audit.tf", TRAIL, "organisation/alarms.tf.json", """
                        {
                          "resource": {
                            "aws_cloudwatch_log_metric_filter": {
                              "console_signin_failures": {
                                "name": "console-signin-failures",
                                "pattern": "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \\"Failed authentication\\") }",
                                "log_group_name": "${aws_cloudwatch_log_group.trail.name}",
                                "metric_transformation": {
                                  "name": "ConsoleSigninFailureCount",
                                  "namespace": "CISBenchmark",
                                  "value": "1"
                                }
                              }
                            }
                          }
                        }
                        """, "organisation/broken.tf.json", """
                        {
                          "resource": {
                            "aws_guardduty_detector": {
                              "main": { "enable": true }
                          }
                        }
                        """);
        AuditLoggingFacts audit = alerted.find(AuditLoggingFacts.class).orElseThrow();
        assertThat(audit.alerts()).extracting(AuditLoggingFacts.AccessAlert::source,
                AuditLoggingFacts.AccessAlert::line, AuditLoggingFacts.AccessAlert::what).containsExactly(
                        tuple("organisation/alarms.tf.json", 4,
                                "aws_cloudwatch_log_metric_filter.console_signin_failures (ConsoleLogin)"));
        // the malformed file: one problem with its file and line, the others are read
        assertThat(alerted.problems()).extracting(ParseProblem::path, ParseProblem::line)
                .containsExactly(tuple("organisation/broken.tf.json", 7));
        CheckResult clean = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), alerted);
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.summary()).endsWith("alerts on access events declared:"
                + " aws_cloudwatch_log_metric_filter.console_signin_failures (ConsoleLogin)");
    }

    @Test
    void guardDutyOrAGuardDutyModuleIsAnAlertAndADisabledDetectorIsNot(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "prod/main.tf", """
                resource "aws_guardduty_detector" "off" {
                  enable = false
                }

                resource "aws_guardduty_detector" "main" {
                  enable = true
                }

                module "guardduty" {
                  source  = "cloudposse/guardduty/aws"
                  version = "0.6.0"
                }

                resource "aws_cloudwatch_event_rule" "root_login" {
                  name          = "root-console-login"
                  event_pattern = jsonencode({
                    detail-type = ["AWS Console Sign In via CloudTrail"]
                    detail      = { userIdentity = { type = ["Root"] } }
                  })
                }
                """);
        assertThat(facts.find(AuditLoggingFacts.class).orElseThrow().alerts())
                .extracting(AuditLoggingFacts.AccessAlert::line, AuditLoggingFacts.AccessAlert::what).containsExactly(
                        tuple(5, "aws_guardduty_detector.main (GuardDuty)"),
                        tuple(9, "module.guardduty (cloudposse/guardduty/aws)"),
                        tuple(14, "aws_cloudwatch_event_rule.root_login (AWS Console Sign In)"));
    }

    @Test
    void noProductionInfrastructureIsUnknownAndGoogleCloudNeedsNothingDeclared(@TempDir Path dir) throws Exception {
        // a reusable module: it defines a cluster, but no production
        Facts module = AccessControlChecksTest.scan(dir.resolve("module"), "main.tf", """
                resource "aws_eks_cluster" "default" {
                  count    = local.enabled ? 1 : 0
                  name     = module.label.id
                  role_arn = local.eks_service_role_arn

                  enabled_cluster_log_types = var.enabled_cluster_log_types
                }
                """);
        CheckResult unknown = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), module);
        assertThat(unknown.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(unknown.summary()).startsWith("unknown, because no Terraform here defines a production AWS or"
                + " Azure account or cluster");

        Facts gke = AccessControlChecksTest.scan(dir.resolve("gke"), "prod/gke.tf", """
                resource "google_container_cluster" "primary" {
                  name     = "production"
                  location = "europe-west2"
                }
                """);
        CheckResult google = AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), gke);
        assertThat(google.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(google.summary()).contains("Google Cloud records admin activity");
    }

    @Test
    void aMalformedTerraformFileIsOneProblemWithItsLineAndTheOthersAreStillRead(@TempDir Path dir)
            throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "environments/production/eks.tf", PRODUCTION_EKS,
                "environments/production/broken.tf", """
                        resource "aws_cloudtrail" "main" {
                          name = "org-trail"
                          s3_bucket_name = "audit-logs"
                        """);
        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly(
                "environments/production/broken.tf");
        assertThat(facts.problems().get(0).line()).isNotNull();
        assertThat(facts.find(AuditLoggingFacts.class).orElseThrow().production()).hasSize(1);
        assertThat(AccessControlChecksTest.run(new ProductionAuditLoggingCheck(), facts).findings())
                .extracting(Finding::subject).containsExactly("audit:cluster");
    }

    @Test
    void onlyModulesThatAreClustersCountAsClusters(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "aks/production/main.tf", """
                module "cluster_data" {
                  source = "./vendor/modules/aks//aks/cluster_data"
                  name   = var.environment
                }
                module "postgres" {
                  source = "./vendor/modules/aks//aks/postgres"
                }
                module "nodes" {
                  source = "cloudposse/eks-node-group/aws"
                }
                module "gke" {
                  source = "terraform-google-modules/kubernetes-engine/google//modules/private-cluster"
                }
                module "eks" {
                  source = "git::https://github.com/cloudposse/terraform-aws-eks-cluster.git?ref=tags/4.1.0"
                }
                """);
        assertThat(facts.find(AuditLoggingFacts.class).orElseThrow().production()).extracting(
                ProductionInfrastructure::resource, ProductionInfrastructure::provider).containsExactly(
                        tuple("module.gke", "google"), tuple("module.eks", "aws"));
    }

    @Test
    void theDeepestFolderThatNamesAnEnvironmentDecides(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "live/staging/eks.tf", PRODUCTION_EKS, "live/prod/eks.tf",
                PRODUCTION_EKS);
        assertThat(facts.find(AuditLoggingFacts.class).orElseThrow().production()).extracting(
                ProductionInfrastructure::source, ProductionInfrastructure::production).containsExactly(
                        tuple("live/prod/eks.tf", "path live/prod"));
    }
}
