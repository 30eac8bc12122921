package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.Deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy markers are found on the mainline only (first-parent chain from head): a matching commit on a merged side
 * branch was not deployed from the main branch, but the merge commit that brought it in is a deployment when its own
 * subject matches.
 */
class DeployMarkerMiningTest {

    private static History mine(TestRepo repo, GitHistory.Options options) throws Exception {
        Repository r = repo.git().getRepository();
        return new GitHistory(r, Mailmap.empty(), options.withThreads(1)).mine(r.resolve("HEAD"), "");
    }

    @Test
    void aMarkerOnAMergedSideBranchIsNotADeployment(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit base = repo.append("src/A.java", "a").commit("Ann", "ann@x.org", "init");
            repo.branch("feature");
            RevCommit side = repo.append("src/B.java", "b").commit("Ben", "ben@x.org", "[deploy] tried from a branch");
            repo.checkout("main");
            RevCommit main = repo.append("src/A.java", "c").commit("Ann", "ann@x.org", "main work");
            RevCommit merge = repo.merge("feature", "Ann", "ann@x.org");

            History h = mine(repo, GitHistory.Options.DEFAULT.withDeployMarkers("\\[deploy\\]"));
            assertThat(h.deployMarkers()).isEmpty();
            assertThat(h.firstDeployment()).isEmpty();
            assertThat(h.mainline()).contains(base.name(), main.name(), merge.name()).doesNotContain(side.name());
        }
    }

    @Test
    void aMergeCommitWhoseSubjectMatchesDeploysWhatItMerged(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit base = repo.append("src/A.java", "a").commit("Ann", "ann@x.org", "init");
            repo.branch("deploy-hotfix");
            RevCommit side = repo.append("src/B.java", "b").commit("Ben", "ben@x.org", "deploy the fix");
            repo.checkout("main");
            RevCommit merge = repo.merge("deploy-hotfix", "Ann", "ann@x.org"); // "Merge branch 'deploy-hotfix'"
            RevCommit after = repo.append("src/A.java", "c").commit("Ann", "ann@x.org", "later");

            History h = mine(repo, GitHistory.Options.DEFAULT.withDeployMarkers("^merge branch 'deploy-"));
            assertThat(h.deployMarkers()).singleElement().satisfies(d -> {
                assertThat(d.commit()).isEqualTo(merge.name());
                assertThat(d.name()).isEqualTo("Merge branch 'deploy-hotfix'");
                assertThat(d.kind()).isEqualTo(Deployment.Kind.MARKER);
            });
            // the merge contains itself, the side commit and everything before; the later commit is not deployed
            assertThat(h.firstDeployment()).containsEntry(side.name(), merge.name())
                    .containsEntry(base.name(), merge.name()).containsEntry(merge.name(), merge.name())
                    .doesNotContainKey(after.name());
        }
    }

    @Test
    void eachCommitGoesToTheEarliestDeploymentTagOrMarker(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit c1 = repo.append("src/A.java", "1").commit("Ann", "ann@x.org", "one");
            RevCommit tagged = repo.append("src/A.java", "2").commit("Ann", "ann@x.org", "two");
            repo.tag("v1.0");
            RevCommit c3 = repo.append("src/A.java", "3").commit("Ann", "ann@x.org", "three");
            RevCommit marker = repo.append("src/A.java", "4").commit("Ann", "ann@x.org", "Deploy: production");
            repo.tag("v1.1");
            RevCommit c5 = repo.append("src/A.java", "5").commit("Ann", "ann@x.org", "[deploy] five");

            History h = mine(repo, GitHistory.Options.DEFAULT.withDeployMarkers("^deploy: production|\\[deploy\\]"));
            assertThat(h.deployMarkers()).extracting(Deployment::commit)
                    .containsExactly(marker.name(), c5.name());
            assertThat(h.firstDeployment()).containsEntry(c1.name(), tagged.name())
                    .containsEntry(tagged.name(), tagged.name()).containsEntry(c3.name(), marker.name())
                    .containsEntry(marker.name(), marker.name()).containsEntry(c5.name(), c5.name());
            // the marker commit tagged v1.1 is one deployment, named by its tag
            List<Deployment> all = Deployment.deployments(h.tags(), "v*", h.deployMarkers());
            assertThat(all).extracting(Deployment::name).containsExactly("v1.0", "v1.1", "[deploy] five");
            assertThat(all).extracting(Deployment::kind).containsExactly(Deployment.Kind.TAG,
                    Deployment.Kind.TAG, Deployment.Kind.MARKER);
        }
    }

    @Test
    void withoutMarkersOnlyReleaseTagsDeploy(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            RevCommit c1 = repo.append("src/A.java", "1").commit("Ann", "ann@x.org", "[deploy] one");
            repo.tag("v1.0");
            RevCommit c2 = repo.append("src/A.java", "2").commit("Ann", "ann@x.org", "[deploy] two");

            History h = mine(repo, GitHistory.Options.DEFAULT);
            assertThat(h.deployMarkers()).isEmpty();
            assertThat(h.firstDeployment()).containsOnlyKeys(c1.name());
            assertThat(h.firstDeployment()).doesNotContainKey(c2.name());
        }
    }

    @Test
    void markersDoNotInvalidateTheHistoryCache(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.append("src/A.java", "1").commit("Ann", "ann@x.org", "one");
            repo.append("src/A.java", "2").commit("Ann", "ann@x.org", "[deploy] two");
            repo.append("src/A.java", "3").commit("Ann", "ann@x.org", "three");

            History first = mine(repo, GitHistory.Options.DEFAULT.withCache(cache));
            assertThat(first.stats().mined()).isEqualTo(3);
            History withMarkers = mine(repo, GitHistory.Options.DEFAULT.withCache(cache)
                    .withDeployMarkers("\\[deploy\\]"));
            // markers are read from subjects on every run; the per-commit facts all come from the cache
            assertThat(withMarkers.stats().mined()).isZero();
            assertThat(withMarkers.stats().fromCache()).isEqualTo(3);
            assertThat(withMarkers.deployMarkers()).extracting(Deployment::name)
                    .containsExactly("[deploy] two");
        }
    }
}
