package io.github.devopsassess.check.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.supplychain.RemoteSource;
import io.github.devopsassess.facts.supplychain.RemoteSource.Kind;
import io.github.devopsassess.facts.supplychain.RemoteSource.RefKind;
import io.github.devopsassess.facts.supplychain.RemoteSources;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.testing.DefaultSettings;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Hand-made remote sources of the repository acme-org/platform: strangers', the team's own, pinned and unknown. */
class FloatingRemoteSourcesCheckTest {

    private static final String SHA = "0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1";

    private static RemoteSource source(Kind kind, String target, String ref, RefKind pinning, String path, int line) {
        String owner = target.contains("/") ? target.split("/")[1] : null;
        return new RemoteSource(kind, target, ref, pinning, owner, path, line, null);
    }

    private static CheckResult run(HistoryFacts history, RemoteSource... sources) throws Exception {
        Facts.Builder facts = Facts.builder()
                .put(TreeFacts.class, new TreeFacts("", List.of("infra/main.tf"), "test", "acme-org/platform"))
                .put(RemoteSources.class, new RemoteSources(List.of(sources), 6));
        if (history != null) {
            facts.put(HistoryFacts.class, history);
        }
        return CheckRunner.evaluate(new FloatingRemoteSourcesCheck(), facts.build(),
                DefaultSettings.of(FloatingRemoteSourcesCheck.ID));
    }

    private static Finding finding(CheckResult r, String subject) {
        return r.findings().stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void strangersAtABranchFailOneFindingPerKindTheTeamsOwnAreStatedAndPinnedOrTaggedAreNotReported() throws Exception {
        CheckResult r = run(null,
                source(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-vpc", null, RefKind.NONE,
                        "infra/network/main.tf", 6),
                source(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-route53", "main",
                        RefKind.BRANCH, "infra/network/main.tf", 13),
                source(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-route53", "main",
                        RefKind.BRANCH, "infra/dns/main.tf", 3),
                source(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-null-label", SHA, RefKind.COMMIT,
                        "infra/network/main.tf", 37),
                source(Kind.TERRAFORM_MODULE, "github.com/cloud-modules/terraform-aws-alarms", "v2.4.1",
                        RefKind.VERSION, "infra/network/main.tf", 41),
                source(Kind.PIP, "github.com/acme-org/mkdocs-theme-acme", "master", RefKind.BRANCH,
                        "docs/requirements.txt", 4),
                source(Kind.PIPED_SCRIPT, "github.com/tools-org/installer", "master", RefKind.BRANCH,
                        "images/docs/Dockerfile", 16));

        assertThat(r.findings()).extracting(Finding::subject, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("piped-script", Severity.MEDIUM),
                org.assertj.core.groups.Tuple.tuple("terraform-module", Severity.MEDIUM));
        Finding modules = finding(r, "terraform-module");
        assertThat(modules.message()).isEqualTo("2 Terraform module sources follow a branch or no fixed reference"
                + " (github.com/cloud-modules/terraform-aws-vpc (no ref), github.com/cloud-modules/terraform-aws-route53"
                + " @ main (2 places)): whatever their owners push next is built or applied here. Pin it: set ?ref= to a"
                + " commit SHA or a release tag, and a version = \"x.y.z\" (or \"~> x.y\") for registry modules.");
        assertThat(modules.evidence()).containsExactly(
                Evidence.line("infra/network/main.tf", 6).withNote("github.com/cloud-modules/terraform-aws-vpc (no ref)"),
                Evidence.line("infra/network/main.tf", 13).withNote(
                        "github.com/cloud-modules/terraform-aws-route53 @ main"),
                Evidence.line("infra/dns/main.tf", 3).withNote("github.com/cloud-modules/terraform-aws-route53 @ main"));
        // the team's own theme at master is its own release channel: stated, not reported (labelled trivial on the
        // corpus every time)
        assertThat(r.summary()).startsWith("3 of 6 remote sources of others follow a branch, no reference or an open"
                + " range; 1 of the team's own organisation do, a release channel it controls (not judged): ")
                .contains("mkdocs-theme-acme", "docs/requirements.txt:4")
                .endsWith("; 1 pinned to a commit, 1 to a version tag");
        // 5 references judged (the team's own left out): 3 strangers' lose 1 each
        assertThat(r.score()).isEqualTo(1 - 3.0 / 5);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aVariableReferenceKeepsWhereItWasSetAndAnOpenRangeFails() throws Exception {
        CheckResult r = run(null,
                new RemoteSource(Kind.GIT_CLONE, "github.com/docs-tools/mkdocs-plugins", "main", RefKind.BRANCH,
                        "docs-tools", "images/docs/Dockerfile", 11, "THEME_REF=main (images/docs/Dockerfile:3)"),
                source(Kind.TERRAFORM_MODULE, "terraform-aws-modules/eks/aws", ">= 19.0", RefKind.RANGE,
                        "infra/network/main.tf", 25));

        assertThat(finding(r, "git-clone").evidence()).containsExactly(Evidence.line("images/docs/Dockerfile", 11)
                .withNote("github.com/docs-tools/mkdocs-plugins @ main, where THEME_REF=main"
                        + " (images/docs/Dockerfile:3)"));
        assertThat(finding(r, "terraform-module").message()).contains("terraform-aws-modules/eks/aws (version >= 19.0,"
                + " no upper bound)");
        assertThat(r.metrics()).containsEntry("floatingRemoteSources", 2);
    }

    @Test
    void pinnedAndTaggedSourcesAndTheRepositoryItselfPass() throws Exception {
        CheckResult r = run(null,
                source(Kind.KUSTOMIZE, "github.com/argoproj/argo-rollouts", SHA, RefKind.COMMIT,
                        "deploy/base/kustomization.yaml", 8),
                source(Kind.KUSTOMIZE, "github.com/minio/operator", "v5.0.15", RefKind.VERSION,
                        "deploy/base/kustomization.yaml", 7),
                source(Kind.GIT_CLONE, "github.com/acme-org/platform", null, RefKind.NONE, "scripts/bootstrap.sh", 4));

        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).isEqualTo("0 of 2 remote sources of others follow a branch, no reference or an open range;"
                + " 1 pinned to a commit, 1 to a version tag; 1 of the repository itself left out");
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anUnknownNameIsReportedAsUnknownUnlessThisRepositoryMergesABranchOfThatNameForItsOwnOrganisation()
            throws Exception {
        RemoteSource ours = source(Kind.GIT_CLONE, "github.com/acme-org/terraform-modules", "testing", RefKind.NAME,
                "Makefile", 5);
        RemoteSource strangers = source(Kind.KUSTOMIZE, "github.com/vendor-org/crds", "testing", RefKind.NAME,
                "deploy/base/kustomization.yaml", 9);

        CheckResult unknown = run(null, ours, strangers);
        assertThat(unknown.findings()).isEmpty();
        assertThat(unknown.summary()).contains("2 unknown, because the files do not say whether the reference moves:"
                + " git clone github.com/acme-org/terraform-modules @ testing (Makefile:5, a branch or a tag)");

        HistoryFacts history = new HistoryFacts(true, null, List.of(), List.of(new Merge(SHA, "Ana Lima",
                "ana@acme.example", "Ana Lima", "ana@acme.example", 1_700_000_000L,
                "Merge branch 'testing' into main")), List.of(), Map.of(), List.of(), 1_700_000_000L, false);
        CheckResult branch = run(history, ours, strangers);
        assertThat(branch.findings()).isEmpty(); // a branch of the team's own: stated, not reported
        assertThat(branch.summary()).contains("1 of the team's own organisation do", "Makefile:5")
                .contains("1 unknown").contains("github.com/vendor-org/crds @ testing");
    }

    @Test
    void withoutAnyRemoteSourceThereIsNothingToJudge() throws Exception {
        CheckResult r = run(null);

        assertThat(r.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(r.summary()).isEqualTo("no code of another repository is taken by a module source, kustomize"
                + " resource, git dependency, clone or piped script (6 files read)");
    }
}
