package io.github.devopsassess.scan.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.supplychain.RemoteSource.Kind;
import io.github.devopsassess.facts.supplychain.RemoteSource.RefKind;

import java.util.List;

import org.junit.jupiter.api.Test;

/** References in the forms real files write them, and what kind of reference each is. */
class RemoteRefsTest {

    @Test
    void namesByConventionCommitsVersionsAndUnknownNames() {
        assertThat(RemoteRefs.classify(null)).isEqualTo(RefKind.NONE);
        assertThat(RemoteRefs.classify("master")).isEqualTo(RefKind.BRANCH);
        assertThat(RemoteRefs.classify("HEAD")).isEqualTo(RefKind.BRANCH);
        assertThat(RemoteRefs.classify("origin/master")).isEqualTo(RefKind.BRANCH);
        assertThat(RemoteRefs.classify("refs/heads/release")).isEqualTo(RefKind.BRANCH);
        assertThat(RemoteRefs.classify("refs/tags/stable")).isEqualTo(RefKind.VERSION);
        assertThat(RemoteRefs.classify("0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1")).isEqualTo(RefKind.COMMIT);
        assertThat(RemoteRefs.classify("0bd3cc3a")).isEqualTo(RefKind.COMMIT);
        assertThat(RemoteRefs.classify("v5.0.15")).isEqualTo(RefKind.VERSION);
        assertThat(RemoteRefs.classify("2.10.0")).isEqualTo(RefKind.VERSION);
        assertThat(RemoteRefs.classify("modules/vpc/v1.2.0")).isEqualTo(RefKind.VERSION);
        assertThat(RemoteRefs.classify("release-1.2")).as("a release branch, perhaps").isEqualTo(RefKind.NAME);
        assertThat(RemoteRefs.classify("testing")).isEqualTo(RefKind.NAME);
        assertThat(RemoteRefs.classify("${THEME_REF}")).isEqualTo(RefKind.VARIABLE);
        assertThat(RemoteRefs.constraint("~> 5.30")).isEqualTo(RefKind.VERSION);
        assertThat(RemoteRefs.constraint(">= 1.0, < 2.0")).isEqualTo(RefKind.VERSION);
        assertThat(RemoteRefs.constraint(">= 19.0")).isEqualTo(RefKind.RANGE);
        assertThat(RemoteRefs.constraint("*")).isEqualTo(RefKind.RANGE);
    }

    @Test
    void forgeUrlsWithTheirRefInTheQueryFragmentPathOrAfterAnAt() {
        assertThat(RemoteRefs.url("git::git@github.com:acme-org/infra-modules.git//vpc?ref=develop"))
                .isEqualTo(new RemoteRefs.Location("github.com/acme-org/infra-modules", "acme-org", "develop",
                        RefKind.BRANCH));
        assertThat(RemoteRefs.url("git+ssh://git@github.com/acme-org/theme.git@v1.2.0#egg=theme"))
                .isEqualTo(new RemoteRefs.Location("github.com/acme-org/theme", "acme-org", "v1.2.0",
                        RefKind.VERSION));
        assertThat(RemoteRefs.url("https://github.com/acme-org/app/archive/refs/heads/trunk-next.tar.gz"))
                .isEqualTo(new RemoteRefs.Location("github.com/acme-org/app", "acme-org", "trunk-next",
                        RefKind.BRANCH));
        assertThat(RemoteRefs.url("https://codeload.github.com/acme-org/app/tar.gz/0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1"))
                .extracting(RemoteRefs.Location::kind).isEqualTo(RefKind.COMMIT);
        assertThat(RemoteRefs.url("https://github.com/cert-manager/cert-manager/releases/download/v1.14.4/cert-manager.yaml"))
                .isEqualTo(new RemoteRefs.Location("github.com/cert-manager/cert-manager", "cert-manager", "v1.14.4",
                        RefKind.VERSION));
        assertThat(RemoteRefs.url("https://github.com/acme-org/cli/releases/latest/download/install.sh"))
                .extracting(RemoteRefs.Location::kind).isEqualTo(RefKind.BRANCH);
        assertThat(RemoteRefs.url("https://gitlab.com/acme-group/tools/-/raw/main/install.sh"))
                .isEqualTo(new RemoteRefs.Location("gitlab.com/acme-group/tools", "acme-group", "main",
                        RefKind.BRANCH));
        assertThat(RemoteRefs.url("https://artifacts.example.com/modules/vpc-1.4.2.zip"))
                .isEqualTo(new RemoteRefs.Location("artifacts.example.com/modules/vpc-1.4.2.zip", null, "1.4.2",
                        RefKind.VERSION));
    }

    @Test
    void clonesTakeTheBranchAskedForOrTheCheckoutThatFollowsAndPipedScriptsTheirUrl() {
        assertThat(ShellFetches.find("git clone --depth 1 -b v2.3.0 https://github.com/acme-org/x.git /opt/x",
                List.of())).containsExactly(new ShellFetches.Fetch(Kind.GIT_CLONE, "https://github.com/acme-org/x.git",
                        "v2.3.0"));
        assertThat(ShellFetches.find("git clone https://github.com/acme-org/x.git /opt/x", List.of(
                "cd /opt/x", "git fetch origin 0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1",
                "git checkout FETCH_HEAD"))).extracting(ShellFetches.Fetch::ref)
                .containsExactly("0bd3cc3a3ddbdef7be8b8e01a76ab8c1d5d1e2b1");
        assertThat(ShellFetches.find("sh -c \"$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master"
                + "/tools/install.sh)\"", List.of())).extracting(ShellFetches.Fetch::kind, ShellFetches.Fetch::url)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PIPED_SCRIPT,
                        "https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh"));
        assertThat(ShellFetches.find("curl -o install.sh https://raw.githubusercontent.com/a/b/main/install.sh",
                List.of())).as("downloaded, not piped to a shell").isEmpty();
        assertThat(ShellFetches.find("git clone . /tmp/copy", List.of())).as("a local clone").isEmpty();
    }
}
