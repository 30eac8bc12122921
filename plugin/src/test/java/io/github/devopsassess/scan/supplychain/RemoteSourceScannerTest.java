package io.github.devopsassess.scan.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.supplychain.RemoteSource;
import io.github.devopsassess.facts.supplychain.RemoteSource.Kind;
import io.github.devopsassess.facts.supplychain.RemoteSource.RefKind;
import io.github.devopsassess.facts.supplychain.RemoteSources;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.testing.FixtureScan;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform repository that takes code of other repositories in every way teams do: Terraform and Terragrunt
 * module sources, kustomize remote resources, pip and npm dependencies from git, clones and piped scripts in a
 * Dockerfile, a workflow and a Makefile whose branch is set in per-environment config files.
 */
class RemoteSourceScannerTest {

    private static List<RemoteSource> of(RemoteSources sources, String path) {
        return sources.sources().stream().filter(s -> s.path().equals(path)).toList();
    }

    @Test
    void terraformAndTerragruntSourcesWithTheirRefsAndRegistryVersions(@TempDir Path dir) {
        RemoteSources sources = FixtureScan.scan("/remotesources/platform", dir, new RemoteSourceScanner())
                .get(RemoteSources.class);

        assertThat(of(sources, "infra/network/main.tf")).as("the local ./modules/buckets is not remote")
                .extracting(RemoteSource::kind, RemoteSource::target, RemoteSource::ref, RemoteSource::pinning,
                        RemoteSource::owner, RemoteSource::line)
                .containsExactly(
                        tuple(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-vpc", null, RefKind.NONE,
                                "cloud-modules", 6),
                        tuple(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-route53", "main",
                                RefKind.BRANCH, "cloud-modules", 13),
                        tuple(Kind.TERRAFORM_MODULE, "terraform-aws-modules/rds/aws", null, RefKind.NONE,
                                "terraform-aws-modules", 18),
                        tuple(Kind.TERRAFORM_MODULE, "terraform-aws-modules/eks/aws", ">= 19.0", RefKind.RANGE,
                                "terraform-aws-modules", 25),
                        tuple(Kind.TERRAFORM_MODULE, "terraform-aws-modules/iam/aws", "~> 5.30", RefKind.VERSION,
                                "terraform-aws-modules", 32),
                        tuple(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-null-label",
                                "0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1", RefKind.COMMIT, "cloud-modules", 37),
                        tuple(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-alarms", "v2.4.1",
                                RefKind.VERSION, "cloud-modules", 41),
                        tuple(Kind.TERRAFORM_MODULE, "s3-eu-west-1.amazonaws.com/acme-artifacts/lambda-module.zip",
                                null, RefKind.NONE, null, 49));
        assertThat(of(sources, "live/prod/vpc/terragrunt.hcl")).extracting(RemoteSource::kind, RemoteSource::target,
                RemoteSource::ref, RemoteSource::pinning, RemoteSource::owner, RemoteSource::line).containsExactly(
                tuple(Kind.TERRAGRUNT_SOURCE, "github.com/acme-org/infra-modules", "develop", RefKind.BRANCH,
                        "acme-org", 6));
    }

    @Test
    void kustomizePipAndNpmSourcesFromGit(@TempDir Path dir) {
        RemoteSources sources = FixtureScan.scan("/remotesources/platform", dir, new RemoteSourceScanner())
                .get(RemoteSources.class);

        assertThat(of(sources, "deploy/base/kustomization.yaml")).as("namespace.yaml is a local resource")
                .extracting(RemoteSource::target, RemoteSource::ref, RemoteSource::pinning, RemoteSource::line)
                .containsExactly(
                        tuple("github.com/prometheus-community/helm-charts", "main", RefKind.BRANCH, 6),
                        tuple("github.com/minio/operator", "v5.0.15", RefKind.VERSION, 7),
                        tuple("github.com/argoproj/argo-rollouts", "3c0ac4ad8a2bb1e6d8d4d2f0fdf32dc1b4a3a5c7",
                                RefKind.COMMIT, 8),
                        tuple("github.com/acme-org/kustomize-components", null, RefKind.NONE, 10));
        assertThat(of(sources, "docs/requirements.txt")).as("packages from PyPI are not remote sources")
                .extracting(RemoteSource::kind, RemoteSource::target, RemoteSource::ref, RemoteSource::pinning,
                        RemoteSource::line)
                .containsExactly(
                        tuple(Kind.PIP, "github.com/acme-org/mkdocs-theme-acme", "master", RefKind.BRANCH, 4),
                        tuple(Kind.PIP, "github.com/docs-tools/mkdocs-redirects", null, RefKind.NONE, 5),
                        tuple(Kind.PIP, "github.com/docs-tools/mkdocs-macros",
                                "9f1c2d3e4b5a69788776655443322110fedcba98", RefKind.COMMIT, 6),
                        tuple(Kind.PIP, "github.com/docs-tools/mkdocs-mermaid", "v1.1.0", RefKind.VERSION, 7));
        assertThat(of(sources, "tools/pyproject.toml")).as("PEP 508 URLs and Poetry git tables")
                .extracting(RemoteSource::target, RemoteSource::ref, RemoteSource::pinning, RemoteSource::line)
                .containsExactly(
                        tuple("github.com/acme-org/acme-auth", "main", RefKind.BRANCH, 6),
                        tuple("github.com/sdk-org/internal-sdk", "develop", RefKind.BRANCH, 11),
                        tuple("github.com/sdk-org/pinned-sdk", "6f1e2d3c", RefKind.COMMIT, 12));
        assertThat(of(sources, "web/package.json")).as("registry versions, file: and npm: aliases are not git")
                .extracting(RemoteSource::kind, RemoteSource::target, RemoteSource::ref, RemoteSource::pinning,
                        RemoteSource::line)
                .containsExactly(
                        tuple(Kind.NPM, "github.com/stevemao/left-pad", null, RefKind.NONE, 7),
                        tuple(Kind.NPM, "github.com/chart-kit/chart-kit", "v2.1.0", RefKind.VERSION, 8),
                        tuple(Kind.NPM, "github.com/acme-org/ui-tokens", "main", RefKind.BRANCH, 9),
                        tuple(Kind.NPM, "github.com/lint-org/lint-rules", "5b1e9a0c7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f60",
                                RefKind.COMMIT, 13));
    }

    @Test
    void clonesAndPipedScriptsWithTheCheckoutThatFollowsAndBranchesSetInConfigFiles(@TempDir Path dir) {
        RemoteSources sources = FixtureScan.scan("/remotesources/platform", dir, new RemoteSourceScanner())
                .get(RemoteSources.class);

        assertThat(of(sources, "images/docs/Dockerfile")).extracting(RemoteSource::kind, RemoteSource::target,
                RemoteSource::ref, RemoteSource::pinning, RemoteSource::line, RemoteSource::via).containsExactly(
                tuple(Kind.GIT_CLONE, "github.com/docs-tools/mkdocs-theme-material", null, RefKind.NONE, 7, null),
                tuple(Kind.GIT_CLONE, "github.com/docs-tools/mkdocs-plugins", "main", RefKind.BRANCH, 11,
                        "THEME_REF=main (images/docs/Dockerfile:3)"),
                tuple(Kind.GIT_CLONE, "github.com/docs-tools/search-index", "7d3c2b1a0f9e8d7c6b5a49382716afedcba98765",
                        RefKind.COMMIT, 13, null),
                tuple(Kind.PIPED_SCRIPT, "github.com/tools-org/installer", "master", RefKind.BRANCH, 16, null),
                tuple(Kind.DOCKER_ADD, "github.com/moby/buildkit", "v0.12.5", RefKind.VERSION, 18, null));
        assertThat(of(sources, ".github/workflows/ci.yml")).as("the action is unpinned-actions'; get.docker.com is"
                + " not a forge; a clone of github.repository is the repository itself and a URL of variables")
                .extracting(RemoteSource::target, RemoteSource::ref, RemoteSource::pinning, RemoteSource::line,
                        RemoteSource::via)
                .containsExactly(tuple("github.com/acme-org/terraform-modules", "testing", RefKind.NAME, 16,
                        "modules_tag=testing (.github/workflows/ci.yml:20)"));
        assertThat(of(sources, "Makefile")).as("one entry per value the config files give the variable")
                .extracting(RemoteSource::ref, RemoteSource::pinning, RemoteSource::line, RemoteSource::via)
                .containsExactly(
                        tuple("main", RefKind.BRANCH, 5, "MODULES_TAG=main (config/development.sh:2)"),
                        tuple("v3.4.0", RefKind.VERSION, 5, "MODULES_TAG=v3.4.0 (config/production.sh:2)"));
        assertThat(of(sources, "scripts/bootstrap.sh")).as("a URL made of variables names no source")
                .extracting(RemoteSource::target, RemoteSource::pinning)
                .containsExactly(tuple("github.com/acme-org/platform", RefKind.NONE));
        assertThat(sources.sources()).as("test folders are not read").noneMatch(s -> s.path().startsWith("test/"));
    }

    @Test
    void aMalformedFileIsOneProblemWithItsLineAndTheOtherFilesAreStillRead(@TempDir Path dir) {
        Facts facts = FixtureScan.scan("/remotesources/malformed", dir, new RemoteSourceScanner());

        assertThat(facts.problems()).extracting(ParseProblem::path, ParseProblem::line).containsExactly(
                tuple("deploy/kustomization.yaml", 4), tuple("infra/broken.tf", 5));
        assertThat(facts.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("malformed"));
        assertThat(facts.get(RemoteSources.class).sources()).extracting(RemoteSource::path, RemoteSource::ref)
                .containsExactly(tuple("infra/good.tf", "master"));
    }
}
