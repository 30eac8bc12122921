package io.github.devopsassess.check.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.BroadGrant;
import io.github.devopsassess.facts.ownership.InfrastructureAccessFacts;
import io.github.devopsassess.mask.SecretMask;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * broad-infrastructure-access on what is not Terraform: Kubernetes RBAC manifests (plain, embedded, Helm templates),
 * access lists of production accounts in the landing-zone JSON shape, and committed kubeconfigs.
 */
class ManifestAccessTest {

    /** People bound to cluster-admin, and a group bound to the repository's own all-allowing role in a namespace. */
    private static final String PLATFORM_RBAC = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: platform-admins
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: cluster-admin
            subjects:
              - apiGroup: rbac.authorization.k8s.io
                kind: Group
                name: platform-engineers
              - apiGroup: rbac.authorization.k8s.io
                kind: User
                name: jane@example.org
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: super-user
            rules:
              - apiGroups: ["*"]
                resources: ["*"]
                verbs: ["*"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: oncall-super-user
              namespace: payments
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: super-user
            subjects:
              - kind: Group
                name: payments-oncall
            """;

    /** A role scoped to one API group, bound to people: broad inside its group, not everything. */
    private static final String SCOPED_ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: tenant-admin
            rules:
              - apiGroups:
                  - workspaces.example.dev
                resources:
                  - '*'
                verbs:
                  - '*'
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: tenant-admins
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: tenant-admin
            subjects:
              - kind: Group
                name: tenant-owners
            """;

    /** A controller's chart binding its own service account: the controller's identity, not a person. */
    private static final String CONTROLLER_TEMPLATE = """
            {{- if .Values.rbac.create }}
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: {{ include "reconciler.fullname" . }}
              labels:
                {{- include "reconciler.labels" . | nindent 4 }}
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: cluster-admin
            subjects:
              - kind: ServiceAccount
                name: {{ include "reconciler.serviceAccountName" . }}
                namespace: {{ .Release.Namespace }}
            {{- end }}
            """;

    /** An add-on definition that embeds its resources, as KubeVela add-ons do. */
    private static final String EMBEDDED = """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata:
              name: addon-gateway
            spec:
              components:
                - name: gateway-rbac
                  type: k8s-objects
                  properties:
                    objects:
                      - apiVersion: rbac.authorization.k8s.io/v1
                        kind: ClusterRoleBinding
                        metadata:
                          name: gateway:ux
                        roleRef:
                          apiGroup: rbac.authorization.k8s.io
                          kind: ClusterRole
                          name: cluster-admin
                        subjects:
                          - apiGroup: rbac.authorization.k8s.io
                            kind: Group
                            name: gateway:ux
                          - kind: ServiceAccount
                            name: gateway
                            namespace: vela-system
            """;

    /** Kubernetes' own components and a service account bound to cluster-admin: none is a person. */
    private static final String SYSTEM_SUBJECTS = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: kube-system-admin
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: cluster-admin
            subjects:
              - kind: User
                name: system:kube-controller-manager
              - kind: ServiceAccount
                name: argocd-application-controller
                namespace: argocd
            """;

    @Test
    void findsPeopleBoundToClusterAdminOrAnAllAllowingRoleWithTheirLines(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "k8s/rbac/platform.yaml", PLATFORM_RBAC,
                "k8s/rbac/tenant.yaml", SCOPED_ROLE, "charts/reconciler/templates/clusterrolebinding.yaml",
                CONTROLLER_TEMPLATE, "addons/gateway.yaml", EMBEDDED, "k8s/system.yaml", SYSTEM_SUBJECTS);

        InfrastructureAccessFacts access = facts.find(InfrastructureAccessFacts.class).orElseThrow();
        assertThat(access.grants()).extracting(BroadGrant::source, BroadGrant::line, BroadGrant::kind,
                BroadGrant::resource, BroadGrant::principal, BroadGrant::detail).containsExactly(
                        tuple("addons/gateway.yaml", 18, BroadGrant.Kind.CLUSTER_ADMIN,
                                "ClusterRoleBinding/gateway:ux", "group:gateway:ux", "role cluster-admin"),
                        tuple("k8s/rbac/platform.yaml", 8, BroadGrant.Kind.CLUSTER_ADMIN,
                                "ClusterRoleBinding/platform-admins", "group:platform-engineers, user:jane@example.org",
                                "role cluster-admin"),
                        tuple("k8s/rbac/platform.yaml", 34, BroadGrant.Kind.CLUSTER_ADMIN,
                                "RoleBinding/oncall-super-user", "group:payments-oncall",
                                "role super-user (every verb on every resource, k8s/rbac/platform.yaml:21) in"
                                        + " namespace payments"));
        // every binding and cluster role is declared, the controller's template included
        assertThat(access.declarations()).isEqualTo(8);
        assertThat(access.sources()).contains("charts/reconciler/templates/clusterrolebinding.yaml",
                "k8s/system.yaml");
        assertThat(facts.problems()).isEmpty();

        CheckResult r = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), facts);
        // proportional: 3 of the 8 bindings and roles grant everything
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.summary()).startsWith("3 of 8 policy statements, role grants and bindings in 5 files");
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("broad:cluster_admin");
        Finding f = r.findings().get(0);
        assertThat(f.message()).startsWith("3 bindings of people or groups to cluster-admin")
                .contains("ClusterRoleBinding/gateway:ux, ClusterRoleBinding/platform-admins,"
                        + " RoleBinding/oncall-super-user");
        assertThat(f.evidence()).extracting(Evidence::path, Evidence::startLine).containsExactly(
                tuple("addons/gateway.yaml", 18), tuple("k8s/rbac/platform.yaml", 8),
                tuple("k8s/rbac/platform.yaml", 34));
    }

    @Test
    void serviceAccountsAndScopedRolesAloneAreDeclaredButPass(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "k8s/rbac/tenant.yaml", SCOPED_ROLE,
                "charts/reconciler/templates/clusterrolebinding.yaml", CONTROLLER_TEMPLATE, "k8s/system.yaml",
                SYSTEM_SUBJECTS);
        CheckResult r = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), facts);
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).isEqualTo("0 of 4 policy statements, role grants and bindings in 3 files grant"
                + " everything");
    }

    @Test
    void aMalformedManifestIsOneProblemWithItsLineAndTheOthersAreStillRead(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "k8s/rbac/platform.yaml", PLATFORM_RBAC,
                "k8s/rbac/broken.yaml", """
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: ClusterRoleBinding
                        metadata:
                          name: broken
                        roleRef: [cluster-admin
                        subjects:
                          - kind: Group
                        """,
                // a template that is not YAML until rendered is not a problem of the file
                "charts/x/templates/rbac.yaml", "{{ range .Values.bindings }}\nkind: RoleBinding\n- {{ . }}: [\n"
                        + "{{ end }}\n");
        assertThat(facts.problems()).extracting(ParseProblem::path).containsExactly("k8s/rbac/broken.yaml");
        ParseProblem problem = facts.problems().get(0);
        assertThat(problem.line()).isBetween(5, 8);
        assertThat(problem.message()).startsWith("malformed YAML");
        assertThat(facts.find(InfrastructureAccessFacts.class).orElseThrow().grants()).extracting(BroadGrant::resource)
                .containsExactly("ClusterRoleBinding/platform-admins", "RoleBinding/oncall-super-user");
    }

    /** The landing-zone shape: one JSON file per account, access levels per environment. */
    private static final String ACCOUNT = """
            {
              "account-type": "member",
              "codeowners": ["data-platform"],
              "environments": [
                {
                  "name": "development",
                  "access": [
                    {
                      "sso_group_name": "data-platform-engineers",
                      "level": "administrator"
                    }
                  ]
                },
                {
                  "name": "preproduction",
                  "access": [
                    {
                      "sso_group_name": "data-platform-engineers",
                      "level": "administrator"
                    }
                  ]
                },
                {
                  "name": "production",
                  "access": [
                    {
                      "sso_group_name": "data-platform-engineers",
                      "level": "developer",
                      "github_action_reviewer": "true"
                    },
                    {
                      "sso_group_name": "data-platform-admins",
                      "level": "administrator"
                    },
                    {
                      "sso_group_name": "data-platform-engineers",
                      "level": "platform-engineer-admin"
                    }
                  ]
                }
              ]
            }
            """;

    @Test
    void standingAdministratorAccessToProductionIsFoundAndOtherEnvironmentsAndLevelsAreNot(@TempDir Path dir)
            throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "environments/data-platform.json", ACCOUNT,
                "environments/sandbox.json", """
                        {
                          "account-type": "member",
                          "environments": [
                            { "name": "test", "access": [ { "sso_group_name": "sandbox-users", "level": "administrator" } ] }
                          ]
                        }
                        """, "environments/broken.json", """
                        {
                          "account-type": "member",
                          "environments": [
                            { "name": "production", "access": [ { "sso_group_name": "ops" "level": "administrator" } ] }
                          ]
                        }
                        """);
        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line).containsExactly(
                tuple("environments/broken.json", 4));
        InfrastructureAccessFacts access = facts.find(InfrastructureAccessFacts.class).orElseThrow();
        assertThat(access.grants()).extracting(BroadGrant::source, BroadGrant::line, BroadGrant::kind,
                BroadGrant::resource, BroadGrant::principal, BroadGrant::detail).containsExactly(
                        tuple("environments/data-platform.json", 33, BroadGrant.Kind.PRODUCTION_ADMIN,
                                "data-platform/production", "group:data-platform-admins", "level administrator"));
        assertThat(access.declarations()).isEqualTo(6);
        assertThat(access.sources()).containsExactly("environments/data-platform.json", "environments/sandbox.json");

        CheckResult r = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), facts);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("broad:production_admin");
        assertThat(r.findings().get(0).message()).startsWith("1 grant of standing administrator access to"
                + " production in data-platform/production");
        assertThat(r.findings().get(0).evidence().get(0).note())
                .isEqualTo("data-platform/production → group:data-platform-admins: level administrator");
    }

    @Test
    void aHelmTemplateThatBindsPeopleFromItsValuesIsJudgedByWhatItWrites(@TempDir Path dir) throws Exception {
        Facts facts = AccessControlChecksTest.scan(dir, "charts/platform/templates/admins.yaml", """
                {{- if .Values.admins }}
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: {{ .Release.Name }}-admins
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: cluster-admin
                subjects:
                {{- range .Values.admins }}
                  - apiGroup: rbac.authorization.k8s.io
                    kind: User
                    name: {{ . | quote }}
                {{- end }}
                {{- end }}
                """);
        assertThat(facts.problems()).isEmpty();
        assertThat(facts.find(InfrastructureAccessFacts.class).orElseThrow().grants()).extracting(
                BroadGrant::line, BroadGrant::resource, BroadGrant::principal).containsExactly(
                        tuple(9, "ClusterRoleBinding/{{…}}-admins", "user:{{…}}"));
    }

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6IkRmT3lfN2tKSm5vQ1RwSGlfZ1l3In0.eyJpc3MiOiJr"
            + "dWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1mb3ItYS10ZXN0";
    private static final String KEY_DATA = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB"
            + "dGVzdGtleWRhdGFmb3JhZml4dHVyZW9ubHk=";

    @Test
    void aCommittedKubeconfigWithCredentialsOrAProductionContextIsFoundWithoutItsValues(@TempDir Path dir)
            throws Exception {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                  - cluster:
                      certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
                      server: https://prod-eks.example.org
                    name: prod-eks
                contexts:
                  - context:
                      cluster: prod-eks
                      user: deployer
                    name: prod-eks
                current-context: prod-eks
                preferences: {}
                users:
                  - name: deployer
                    user:
                      token: %s
                  - name: admin
                    user:
                      client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
                      client-key-data: %s
                """.formatted(TOKEN, KEY_DATA);
        String safe = """
                apiVersion: v1
                kind: Config
                clusters:
                  - cluster:
                      server: https://staging.example.org
                    name: staging
                contexts:
                  - context:
                      cluster: staging
                      user: sso
                    name: staging
                current-context: staging
                users:
                  - name: sso
                    user:
                      exec:
                        apiVersion: client.authentication.k8s.io/v1beta1
                        command: aws
                        args: ["eks", "get-token", "--cluster-name", "staging"]
                  - name: ci
                    user:
                      token: ${KUBE_TOKEN}
                """;
        Facts facts = AccessControlChecksTest.scan(dir, "ops/kubeconfig.yaml", kubeconfig, "ops/staging.kubeconfig",
                safe);

        InfrastructureAccessFacts access = facts.find(InfrastructureAccessFacts.class).orElseThrow();
        assertThat(access.grants()).extracting(BroadGrant::source, BroadGrant::line, BroadGrant::kind,
                BroadGrant::principal, BroadGrant::detail).containsExactly(
                        tuple("ops/kubeconfig.yaml", 13, BroadGrant.Kind.KUBECONFIG, null,
                                "current context prod-eks is production: a command run with it changes production"),
                        tuple("ops/kubeconfig.yaml", 18, BroadGrant.Kind.KUBECONFIG, "user deployer", "embeds token"),
                        tuple("ops/kubeconfig.yaml", 22, BroadGrant.Kind.KUBECONFIG, "user admin",
                                "embeds client-key-data"));
        assertThat(access.sources()).containsExactly("ops/kubeconfig.yaml", "ops/staging.kubeconfig");

        CheckResult r = AccessControlChecksTest.run(new BroadInfrastructureAccessCheck(), facts);
        assertThat(r.findings()).extracting(Finding::subject).containsExactly("broad:kubeconfig");
        Finding f = r.findings().get(0);
        assertThat(f.message()).startsWith("3 committed kubeconfig entries").contains("in ops/kubeconfig.yaml:");
        // what the finding says never holds a credential; the lines it points at are masked wherever they are shown
        assertThat(f.message() + f.evidence()).doesNotContain(TOKEN).doesNotContain(KEY_DATA);
        String[] lines = kubeconfig.split("\n");
        assertThat(SecretMask.line(lines[17])).isEqualTo("      token: " + SecretMask.MASK);
        assertThat(SecretMask.line(lines[21])).isEqualTo("      client-key-data: " + SecretMask.MASK);
    }
}
