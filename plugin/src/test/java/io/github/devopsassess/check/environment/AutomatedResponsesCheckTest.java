package io.github.devopsassess.check.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.WorkloadResponses;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.environment.EnvironmentScanner;
import io.github.devopsassess.scan.environment.WorkloadResponsesScanner;
import io.github.devopsassess.scan.pipeline.PipelineScanner;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production workloads without probes, production Helm releases without --atomic or --wait, and safe variants. */
class AutomatedResponsesCheckTest {

    private static void write(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A Helm chart with a production values file: the web Deployment has probes, the worker has none. */
    private static void chart(Path dir) throws IOException {
        write(dir, "charts/payments-api/Chart.yaml", """
                apiVersion: v2
                name: payments-api
                description: Payments API and its queue worker
                type: application
                version: 1.8.0
                appVersion: "2026.12.1"
                """);
        write(dir, "charts/payments-api/values.yaml", """
                replicaCount: 2
                image:
                  repository: ghcr.io/example/payments-api
                  tag: "2026.12.1"
                worker:
                  replicaCount: 1
                """);
        write(dir, "charts/payments-api/values-production.yaml", """
                replicaCount: 6
                worker:
                  replicaCount: 3
                """);
        write(dir, "charts/payments-api/templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "payments-api.fullname" . }}
                  labels:
                    {{- include "payments-api.labels" . | nindent 4 }}
                spec:
                  replicas: {{ .Values.replicaCount }}
                  template:
                    spec:
                      containers:
                        - name: {{ .Chart.Name }}
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                          ports:
                            - name: http
                              containerPort: 8080
                          livenessProbe:
                            httpGet:
                              path: /healthz
                              port: http
                          readinessProbe:
                            httpGet:
                              path: /ready
                              port: http
                """);
        write(dir, "charts/payments-api/templates/worker-deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "payments-api.fullname" . }}-worker
                spec:
                  replicas: {{ .Values.worker.replicaCount }}
                  template:
                    spec:
                      containers:
                        - name: worker
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                          command: ["bundle", "exec", "sidekiq"]
                """);
        write(dir, "charts/payments-api/templates/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: {{ include "payments-api.fullname" . }}
                spec:
                  ports:
                    - port: 80
                """);
    }

    /** kustomize: a base with two Deployments and a production overlay whose patch adds a readiness probe. */
    private static void kustomize(Path dir) throws IOException {
        write(dir, "deploy/base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ledger.yaml
                  - notifier.yaml
                """);
        write(dir, "deploy/base/ledger.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ledger
                spec:
                  template:
                    spec:
                      containers:
                        - name: ledger
                          image: ghcr.io/example/ledger:4.2.0
                          livenessProbe:
                            tcpSocket:
                              port: 9000
                          readinessProbe:
                            tcpSocket:
                              port: 9000
                """);
        write(dir, "deploy/base/notifier.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: notifier
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: notifier
                          image: ghcr.io/example/notifier:1.0.3
                """);
        write(dir, "deploy/overlays/staging/kustomization.yaml", """
                resources:
                  - ../../base
                """);
        write(dir, "deploy/overlays/production/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: payments
                resources:
                  - ../../base
                  - https://github.com/example/platform-addons//otel-collector?ref=v0.9.1
                patches:
                  - path: notifier-ready.yaml
                """);
        write(dir, "deploy/overlays/production/notifier-ready.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: notifier
                spec:
                  template:
                    spec:
                      containers:
                        - name: notifier
                          readinessProbe:
                            httpGet:
                              path: /ready
                              port: 8080
                """);
    }

    private static String workflow(String productionFlags) {
        return """
                name: deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  staging:
                    runs-on: ubuntu-latest
                    environment: staging
                    steps:
                      - uses: actions/checkout@v4
                      - run: helm upgrade --install payments charts/payments-api -f charts/payments-api/values-staging.yaml
                  production:
                    needs: staging
                    runs-on: ubuntu-latest
                    environment: production
                    steps:
                      - uses: actions/checkout@v4
                      - name: Deploy to production
                        run: |
                          helm dependency build charts/payments-api
                          helm upgrade --install payments charts/payments-api %s\\
                            -f charts/payments-api/values-production.yaml
                """.formatted(productionFlags);
    }

    private static Facts scan(Path dir) {
        ScanOptions d = ScanOptions.defaults();
        ScanOptions options = new ScanOptions(d.botPatterns(), false, false, d.maxFileSize());
        ScanContext context = new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history", options,
                s -> { });
        Facts.Builder facts = Facts.builder();
        new PipelineScanner().scan(context, facts);
        new EnvironmentScanner().scan(context, facts);
        new WorkloadResponsesScanner().scan(context, facts);
        return facts.build();
    }

    private static CheckResult run(Facts facts) throws Exception {
        CheckSettings settings = new CheckSettings(new RubricLoader(AutomatedResponsesCheckTest.class
                .getClassLoader()).loadDefault().checks().get(AutomatedResponsesCheck.ID));
        return CheckRunner.evaluate(new AutomatedResponsesCheck(), facts, settings);
    }

    @Test
    void oneFindingPerChartOverlayAndPipelineFileLocatedAtTheContainerOrTheCommand(@TempDir Path dir)
            throws Exception {
        chart(dir);
        kustomize(dir);
        write(dir, ".github/workflows/deploy.yml", workflow(""));
        // a second production cluster of the same component, with its own rendered copy: the same root cause
        write(dir, "deploy/overlays/production-eu/kustomization.yaml", "resources:\n  - rendered.yaml\n");
        write(dir, "deploy/overlays/production-eu/rendered.yaml", Files.readString(dir.resolve("deploy/base/notifier.yaml")));
        Facts facts = scan(dir);

        WorkloadResponses w = facts.get(WorkloadResponses.class);
        assertThat(w.workloads()).isEqualTo(5);
        assertThat(w.releases()).isEqualTo(1);
        assertThat(w.unknown()).singleElement().asString().contains("platform-addons");

        CheckResult r = run(facts);

        assertThat(r.findings()).hasSize(3);
        Finding helm = r.findings().get(0);
        assertThat(helm.message()).isEqualTo("The production Helm chart charts/payments-api (production from"
                + " charts/payments-api/values-production.yaml) runs 1 container without a liveness probe, or"
                + " without a readiness probe while serving a port: Deployment templates/worker-deployment.yaml (worker). Kubernetes neither restarts"
                + " a hung container nor holds traffic back from one that is not ready, so a failure waits for a"
                + " person.");
        assertThat(helm.evidence()).extracting(Evidence::path, Evidence::startLine)
                .containsExactly(tuple("charts/payments-api/templates/worker-deployment.yaml", 10));
        Finding overlay = r.findings().get(1);
        // one finding for the component: the first of its production overlays, not one per cluster
        assertThat(overlay.message()).startsWith("The production kustomize overlay deploy/overlays/production")
                .contains("runs 1 container");
        assertThat(overlay.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isIn("deploy/base/notifier.yaml", "deploy/overlays/production-eu/rendered.yaml");
            assertThat(e.startLine()).isEqualTo(10);
            assertThat(e.note()).isEqualTo("Deployment/notifier, container notifier: no liveness probe");
        });
        Finding release = r.findings().get(2);
        assertThat(release.message()).startsWith(".github/workflows/deploy.yml deploys to production with 1 Helm"
                + " release made without --atomic or --wait (jobs production)");
        assertThat(release.evidence()).extracting(Evidence::path, Evidence::startLine)
                .containsExactly(tuple(".github/workflows/deploy.yml", 21));
        // 3 of 6 judged (5 containers, 1 release) lost: a score of one half, a warning
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void probesInValuesOrPatchesAndAnAtomicReleaseAreSafe(@TempDir Path dir) throws Exception {
        chart(dir);
        kustomize(dir);
        write(dir, "charts/payments-api/templates/worker-deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ include "payments-api.fullname" . }}-worker
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                          {{- with .Values.worker.probes }}
                          {{- toYaml . | nindent 10 }}
                          {{- end }}
                """);
        write(dir, "charts/payments-api/values-production.yaml", """
                replicaCount: 6
                worker:
                  probes:
                    livenessProbe:
                      exec:
                        command: ["bin/worker-alive"]
                    readinessProbe:
                      exec:
                        command: ["bin/worker-ready"]
                """);
        write(dir, "deploy/overlays/production/notifier-ready.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: notifier
                spec:
                  template:
                    spec:
                      containers:
                        - name: notifier
                          livenessProbe:
                            httpGet: {path: /healthz, port: 8080}
                          readinessProbe:
                            httpGet: {path: /ready, port: 8080}
                """);
        write(dir, ".github/workflows/deploy.yml", workflow("--atomic --timeout 10m "));
        write(dir, "argocd/payments.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: payments
                spec:
                  syncPolicy:
                    automated:
                      prune: true
                      selfHeal: true
                """);

        CheckResult r = run(scan(dir));

        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.summary()).contains("4 production containers, 0 without probes")
                .contains("1 production Helm release, 0 without --atomic or --wait")
                .contains("argocd/payments.yaml:9 — Argo CD automated sync with selfHeal");
    }

    @Test
    void aChartFromARemoteRepositoryIsUnknownNotReported(@TempDir Path dir) throws Exception {
        write(dir, "helm_deploy/prison-api/Chart.yaml", """
                apiVersion: v2
                name: prison-api
                version: 0.1.0
                dependencies:
                  - name: generic-service
                    version: "3.17"
                    repository: https://charts.example.org/shared-charts
                """);
        write(dir, "helm_deploy/prison-api/values.yaml", """
                generic-service:
                  image:
                    repository: ghcr.io/example/prison-api
                """);
        write(dir, "helm_deploy/values-prod.yaml", """
                generic-service:
                  replicaCount: 4
                """);

        CheckResult r = run(scan(dir));

        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).contains("generic-service from https://charts.example.org/shared-charts");
    }

    @Test
    void aMalformedManifestIsOneProblemAndTheOtherWorkloadsAreStillJudged(@TempDir Path dir) throws Exception {
        chart(dir);
        kustomize(dir);
        write(dir, "deploy/base/ledger.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ledger
                spec:
                  template:
                    spec:
                      containers:
                        - name: ledger
                          image: ghcr.io/example/ledger:4.2.0
                         livenessProbe: {}
                """);
        Facts facts = scan(dir);

        assertThat(facts.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("deploy/base/ledger.yaml");
            assertThat(p.line()).isBetween(10, 11);
        });
        CheckResult r = run(facts);
        assertThat(r.findings()).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("Deployment/notifier"));
        assertThat(List.of(r.status())).containsAnyOf(CheckStatus.WARN, CheckStatus.FAIL);
    }
}
