package io.github.devopsassess.check.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.BroadGrant;
import io.github.devopsassess.facts.ownership.InfrastructureAccessFacts;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** broad-infrastructure-access on Terraform in the shapes the AWS, Google, Azure and Kubernetes providers use. */
class BroadInfrastructureAccessCheckTest {

    private static final String AWS = """
            data "aws_iam_policy_document" "ci" {
              statement {
                sid       = "Everything"
                actions   = ["*"]
                resources = ["*"]
              }
              statement {
                effect    = "Deny"
                actions   = ["*"]
                resources = ["arn:aws:s3:::audit/*"]
              }
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::assets/*"]
              }
            }

            resource "aws_iam_role_policy" "deploy" {
              name = "deploy"
              role = aws_iam_role.deploy.id
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [
                  {
                    Effect   = "Allow"
                    Action   = "*"
                    Resource = "*"
                  },
                  {
                    Effect   = "Allow"
                    Action   = ["ecr:GetAuthorizationToken"]
                    Resource = "*"
                  },
                ]
              })
            }

            resource "aws_iam_policy" "legacy" {
              name   = "legacy"
              policy = <<EOF
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": ["*"],
                  "Resource": "*"
                }
              ]
            }
            EOF
            }

            resource "aws_iam_role_policy_attachment" "admin" {
              role       = aws_iam_role.breakglass.name
              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
            }

            resource "aws_iam_role_policy_attachment" "readonly" {
              role       = aws_iam_role.audit.name
              policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
            }
            """;

    private static final String GCP_AZURE_K8S = """
            resource "google_project_iam_member" "owner" {
              project = var.project
              role    = "roles/owner"
              member  = "group:platform@example.org"
            }

            resource "google_project_iam_binding" "viewers" {
              project = var.project
              role    = "roles/viewer"
              members = ["group:all@example.org"]
            }

            resource "azurerm_role_assignment" "ops" {
              scope                = azurerm_resource_group.prod.id
              role_definition_name = "Owner"
              principal_id         = azuread_group.ops.object_id
            }

            resource "kubernetes_cluster_role_binding" "ci" {
              metadata {
                name = "ci-admin"
              }
              role_ref {
                api_group = "rbac.authorization.k8s.io"
                kind      = "ClusterRole"
                name      = "cluster-admin"
              }
              subject {
                kind      = "ServiceAccount"
                name      = "deployer"
                namespace = "ci"
              }
            }

            resource "google_project_iam_member" "from_variable" {
              project = var.project
              role    = var.role
              member  = "user:dev@example.org"
            }
            """;

    @Test
    void findsWildcardPoliciesOwnerRolesAndClusterAdminWithTheirLines(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "infra/aws/iam.tf", AWS, "infra/platform/access.tf",
                GCP_AZURE_K8S, "infra/aws/network.tf",
                "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");

        InfrastructureAccessFacts access = facts.find(InfrastructureAccessFacts.class).orElseThrow();
        assertThat(access.sources()).containsExactly("infra/aws/iam.tf", "infra/platform/access.tf");
        assertThat(access.grants()).extracting(BroadGrant::source, BroadGrant::line, BroadGrant::kind,
                BroadGrant::resource, BroadGrant::principal).containsExactly(
                        tuple("infra/aws/iam.tf", 4, BroadGrant.Kind.WILDCARD_POLICY, "data.aws_iam_policy_document.ci",
                                null),
                        tuple("infra/aws/iam.tf", 26, BroadGrant.Kind.WILDCARD_POLICY, "aws_iam_role_policy.deploy",
                                "aws_iam_role.deploy.id"),
                        tuple("infra/aws/iam.tf", 46, BroadGrant.Kind.WILDCARD_POLICY, "aws_iam_policy.legacy", null),
                        tuple("infra/aws/iam.tf", 56, BroadGrant.Kind.OWNER_ROLE,
                                "aws_iam_role_policy_attachment.admin", "aws_iam_role.breakglass.name"),
                        tuple("infra/platform/access.tf", 3, BroadGrant.Kind.OWNER_ROLE,
                                "google_project_iam_member.owner", "group:platform@example.org"),
                        tuple("infra/platform/access.tf", 15, BroadGrant.Kind.OWNER_ROLE,
                                "azurerm_role_assignment.ops", "azuread_group.ops.object_id"),
                        tuple("infra/platform/access.tf", 26, BroadGrant.Kind.CLUSTER_ADMIN,
                                "kubernetes_cluster_role_binding.ci", "serviceaccount:deployer"));
        // 3 + 2 + 1 statements, 2 attachments, 3 Google members and bindings, 1 assignment, 1 binding
        assertThat(access.declarations()).isEqualTo(13);

        CheckResult r = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("broad:cluster_admin",
                "broad:owner_role", "broad:wildcard_policy");
        Finding wildcard = r.findings().stream().filter(f -> f.subject().equals("broad:wildcard_policy")).findFirst()
                .orElseThrow();
        assertThat(wildcard.message()).startsWith("3 IAM policy statements allow every action")
                .contains("data.aws_iam_policy_document.ci, aws_iam_role_policy.deploy, aws_iam_policy.legacy");
        assertThat(wildcard.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                tuple("infra/aws/iam.tf", 4), tuple("infra/aws/iam.tf", 26), tuple("infra/aws/iam.tf", 46));
        assertThat(wildcard.evidence().get(1).note())
                .isEqualTo("aws_iam_role_policy.deploy → aws_iam_role.deploy.id: Action \"*\" on Resource \"*\"");
        assertThat(r.summary()).isEqualTo("7 of 13 policy statements, role grants and bindings in 2 files"
                + " grant everything");
    }

    @Test
    void narrowAccessPassesAndNoDeclaredAccessIsNotAssessed(@TempDir Path dir) throws Exception {
        Facts narrow = AccessControlChecksTest.scan(dir.resolve("narrow"), "iam.tf", """
                data "aws_iam_policy_document" "read" {
                  statement {
                    actions   = ["s3:GetObject", "s3:ListBucket"]
                    resources = ["*"]
                  }
                }
                resource "google_project_iam_member" "dev" {
                  role   = "roles/editor"
                  member = "group:dev@example.org"
                }
                """);
        CheckResult pass = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), narrow);
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.findings()).isEmpty();

        Facts none = AccessControlChecksTest.scan(dir.resolve("none"), "main.tf",
                "resource \"aws_s3_bucket\" \"assets\" {\n  bucket = \"assets\"\n}\n");
        CheckResult notAssessed = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), none);
        assertThat(notAssessed.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(notAssessed.summary()).contains("no IAM policies");
    }
}
