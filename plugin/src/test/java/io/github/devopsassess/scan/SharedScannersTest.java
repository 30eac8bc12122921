package io.github.devopsassess.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.ownership.InfrastructureAccessFacts;
import io.github.devopsassess.facts.process.ReleaseNotesFacts;
import io.github.devopsassess.facts.supplychain.RemoteSources;
import io.github.devopsassess.source.GitCommit;
import io.github.devopsassess.source.GitHistory;
import io.github.devopsassess.source.GitRepository;
import io.github.devopsassess.source.Mailmap;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend runs one set of scanners over many commits, and scanners remember what they derived from a path or a blob:
 * what they find at each commit must be what fresh scanners find there, for the files that changed between the
 * commits and for those that did not.
 */
class SharedScannersTest {

    private static final List<Class<?>> REMEMBERING = List.of(ReleaseNotesFacts.class, RemoteSources.class,
            InfrastructureAccessFacts.class);

    @Test
    void scannersSharedByTwoCommitsFindWhatFreshScannersFind(@TempDir Path dir) throws Exception {
        RevCommit first;
        RevCommit second;
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("CHANGELOG.md", "# Changelog\n\n## 1.0.0\n- first release\n")
                    .write("requirements.txt", "requests==2.31.0\n"
                            + "deploy-tools @ git+https://github.com/acme/deploy-tools.git@main\n")
                    .write("infra/iam.tf", """
                            resource "aws_iam_role_policy_attachment" "ci_admin" {
                              role       = aws_iam_role.ci.name
                              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
                            }
                            """)
                    .write("infra/logs.tf", """
                            resource "aws_s3_bucket" "logs" {
                              bucket = "acme-logs"
                            }
                            """)
                    .write("deploy/app.yaml", """
                            apiVersion: apps/v1
                            kind: Deployment
                            metadata:
                              name: shop
                            """)
                    .write("src/main/java/shop/Order.java", "package shop;\n\npublic class Order {\n}\n");
            first = repo.at("2024-01-10T10:00:00Z").commit("Ann", "ann@shop.example", "shop");
            // the script is pinned now, the role has a narrower policy, release notes have a generator; the rest stays
            repo.write("requirements.txt", "requests==2.31.0\n"
                            + "deploy-tools @ git+https://github.com/acme/deploy-tools.git@v2.3.1\n")
                    .write("infra/iam.tf", """
                            resource "aws_iam_role_policy_attachment" "ci_deploy" {
                              role       = aws_iam_role.ci.name
                              policy_arn = aws_iam_policy.deploy.arn
                            }
                            """)
                    .write(".github/release-drafter.yml", "template: |\n  ## Changes\n  $CHANGES\n");
            second = repo.at("2024-02-10T10:00:00Z").commit("Bob", "bob@shop.example", "pin and narrow");
        }
        try (GitRepository git = GitRepository.open(dir)) {
            List<Scanner> shared = Scanners.all();
            Facts sharedFirst = scan(shared, git, first);
            Facts sharedSecond = scan(shared, git, second);
            Facts sharedFirstAgain = scan(shared, git, first);
            Facts freshFirst = scan(Scanners.all(), git, first);
            Facts freshSecond = scan(Scanners.all(), git, second);

            for (Class<?> type : REMEMBERING) {
                assertThat(sharedFirst.find(type)).as(type.getSimpleName()).isPresent()
                        .isEqualTo(freshFirst.find(type)).isEqualTo(sharedFirstAgain.find(type));
                assertThat(sharedSecond.find(type)).as(type.getSimpleName()).isPresent()
                        .isEqualTo(freshSecond.find(type)).isNotEqualTo(sharedFirst.find(type));
            }
            assertThat(sharedSecond.get(HistoryFacts.class).sourceFiles())
                    .isEqualTo(freshSecond.get(HistoryFacts.class).sourceFiles());
            assertThat(sharedSecond.problems()).isEqualTo(freshSecond.problems());

            assertThat(sharedFirst.get(ReleaseNotesFacts.class).changelogs()).containsExactly("CHANGELOG.md");
            assertThat(sharedFirst.get(ReleaseNotesFacts.class).generators()).isEmpty();
            assertThat(sharedSecond.get(ReleaseNotesFacts.class).generators())
                    .extracting(ReleaseNotesFacts.Generator::path).containsExactly(".github/release-drafter.yml");
            assertThat(sharedFirst.get(RemoteSources.class).sources()).extracting(s -> s.path())
                    .containsExactly("requirements.txt");
            assertThat(sharedFirst.get(InfrastructureAccessFacts.class).sources()).containsExactly("infra/iam.tf");
            assertThat(sharedSecond.get(InfrastructureAccessFacts.class).sources()).containsExactly("infra/iam.tf");
        }
    }

    private static Facts scan(List<Scanner> scanners, GitRepository git, RevCommit at) throws Exception {
        GitCommit commit = git.resolve(at.name()).orElseThrow();
        var history = git.mine(commit, "", Mailmap.empty(), GitHistory.Options.DEFAULT, s -> { });
        ScanContext context = new ScanContext(git.tree(commit, "", 1 << 20), history, null, ScanOptions.defaults(),
                s -> { });
        Facts.Builder facts = Facts.builder();
        for (Scanner scanner : scanners) {
            scanner.scan(context, facts);
        }
        return facts.build();
    }
}
