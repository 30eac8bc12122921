package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsassess.testing.TestRepo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class AssessMojoTest {

    @TempDir
    Path temp;

    /** A bare mirror with one author: the truck factor finding is HIGH and must gate a build with a clean baseline. */
    private Path bareRepository() throws Exception {
        Path work = temp.resolve("work");
        try (TestRepo repo = TestRepo.init(work)) {
            for (int i = 0; i < 9; i++) { // ten source files: enough code for a truck factor
                repo.write("src/F" + i + ".java", "class F" + i + " {}\n");
            }
            repo.write("src/A.java", "class A {}\n").write(".github/workflows/ci.yml", "on: push\njobs: {}\n")
                    .commit("Ann", "ann@example.org", "first");
            repo.append("src/A.java", "// more").commit("Ann", "ann@example.org", "second");
        }
        Path bare = temp.resolve("mirror.git");
        org.eclipse.jgit.api.Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile())
                .setBare(true).call().close();
        return bare;
    }

    private void configure(AssessMojo mojo, Path repository) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "repository", repository.toFile());
        MojoExtension.setVariableValueToObject(mojo, "output", temp.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "baseline", temp.resolve("devops-baseline.json").toFile());
        MojoExtension.setVariableValueToObject(mojo, "maxFileSize", 8L * 1024 * 1024);
        MojoExtension.setVariableValueToObject(mojo, "lineCounts", "auto");
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void assessesABareMirrorAndWritesJsonAndSite(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        mojo.execute();

        Path out = temp.resolve("out");
        String json = Files.readString(out.resolve("assessment.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"schemaVersion\" : 1").contains("\"check\" : \"truck-factor\"");
        Document index = Jsoup.parse(out.resolve("site/index.html").toFile(), "UTF-8");
        assertThat(index.select(".score").text()).matches("\\d+");
        assertThat(index.select("table:has(caption:contains(the data of the chart)) tbody tr")).hasSize(9);
        assertThat(out.resolve("site/areas/knowledge-silos.html")).exists();
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void failsOnANewHighFindingAndPassesWhenGateIsOff(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        Path baseline = temp.resolve("devops-baseline.json");
        Files.writeString(baseline, "{\"schemaVersion\":1,\"score\":100,\"areas\":{\"delivery\":100},"
                + "\"findings\":[]}");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("New high finding truck-factor")
                .hasMessageContaining("overall score dropped from 100")
                .hasMessageContaining("mvn devops:baseline");

        MojoExtension.setVariableValueToObject(mojo, "failOnRegression", false);
        mojo.execute(); // warns only
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void siteShowsTrendAndChangesSinceTheBaseline(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        MojoExtension.setVariableValueToObject(mojo, "trendPoints", 12);
        MojoExtension.setVariableValueToObject(mojo, "failOnRegression", false);
        Files.writeString(temp.resolve("devops-baseline.json"), "{\"schemaVersion\":1,\"score\":100,"
                + "\"areas\":{\"delivery\":100},\"findings\":[{\"fingerprint\":\"gone\",\"check\":\"truck-factor\","
                + "\"severity\":\"high\",\"message\":\"An old silo\"}]}");
        Path history = temp.resolve("history");
        Files.createDirectories(history);
        Files.writeString(history.resolve("broken.json"), "{ not json");
        MojoExtension.setVariableValueToObject(mojo, "previousAssessments", history.toFile());
        mojo.execute();

        Path site = temp.resolve("out/site");
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.text()).containsPattern("\\d+ new findings?:").contains("1 fixed finding").contains("An old silo");
        Document trend = Jsoup.parse(site.resolve("trend.html").toFile(), "UTF-8");
        // two commits an hour apart: the younger history is spread, one point per earlier commit, then this run
        assertThat(trend.select("table.trend-table tbody tr").eachText()).hasSize(2)
                .first().asString().contains("re-assessed");
        assertThat(site.resolve("checks/truck-factor.html")).exists();
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void anInvalidDeployMarkerIsAConfigurationErrorWithoutAStackTrace(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        MojoExtension.setVariableValueToObject(mojo, "deployMarkers", "[deploy");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("devops.deployMarkers '[deploy' is not a valid Java regular expression")
                .hasNoCause();
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void skipDoesNothing(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        MojoExtension.setVariableValueToObject(mojo, "skip", true);
        mojo.execute();
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/assess/pom.xml")
    void baselineGoalWritesTheBaselineOnlyWhenChanged(BaselineMojo mojo) throws Exception {
        Path repo = bareRepository();
        MojoExtension.setVariableValueToObject(mojo, "repository", repo.toFile());
        MojoExtension.setVariableValueToObject(mojo, "maxFileSize", 8L * 1024 * 1024);
        File baseline = temp.resolve("devops-baseline.json").toFile();
        MojoExtension.setVariableValueToObject(mojo, "baseline", baseline);
        mojo.execute();
        String first = Files.readString(baseline.toPath());
        assertThat(first).contains("truck-factor");
        long modified = baseline.lastModified();
        baseline.setLastModified(modified - 10_000);
        mojo.execute();
        assertThat(baseline.lastModified()).isEqualTo(modified - 10_000);
        assertThat(temp.resolve("devops-baseline.json.bak")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void aPassingBuildLeavesTheBaselineAloneUnlessTheRatchetIsAskedFor(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        MojoExtension.setVariableValueToObject(mojo, "failOnSeverity", "critical");
        MojoExtension.setVariableValueToObject(mojo, "formats", List.of("json"));
        Path baseline = temp.resolve("devops-baseline.json");
        String accepted = "{\"schemaVersion\":1,\"score\":0,\"areas\":{},\"findings\":[{\"fingerprint\":\"gone\","
                + "\"check\":\"truck-factor\",\"severity\":\"high\",\"message\":\"An old silo\"}]}";
        Files.writeString(baseline, accepted);
        mojo.execute();
        assertThat(Files.readString(baseline)).as("the committed file is not touched").isEqualTo(accepted);

        MojoExtension.setVariableValueToObject(mojo, "ratchet", true);
        mojo.execute();
        assertThat(Files.readString(baseline)).doesNotContain("gone");
        assertThat(temp.resolve("devops-baseline.json.bak")).hasContent(accepted);
    }

    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void formatsChooseTheOutputsAndAGatingRunCanSkipTheSite(AssessMojo mojo) throws Exception {
        configure(mojo, bareRepository());
        MojoExtension.setVariableValueToObject(mojo, "formats", List.of("json, sarif", "summary"));
        mojo.execute();
        Path out = temp.resolve("out");
        assertThat(out.resolve("assessment.json")).exists();
        assertThat(out.resolve("devops.sarif")).exists();
        assertThat(out.resolve("summary.md")).content().contains("### DevOps assessment");
        assertThat(out.resolve("devops-junit.xml")).doesNotExist();
        assertThat(out.resolve("site")).doesNotExist();

        MojoExtension.setVariableValueToObject(mojo, "formats", List.of("json", "pdf"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("devops.formats: 'pdf' is not one of site, json, sarif, junit, summary (or all)");
    }

    /** Outputs get the permissions any file or folder the process creates gets: the umask decides, not the plugin. */
    @Test
    @InjectMojo(goal = "assess", pom = "src/test/resources/unit/assess/pom.xml")
    void outputsFollowTheProcessUmask(AssessMojo mojo) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(temp.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        configure(mojo, bareRepository());
        mojo.execute();
        Path probeFile = Files.createFile(temp.resolve("probe.txt"));
        Path probeDir = Files.createDirectory(temp.resolve("probe-dir"));
        var filePermissions = Files.getPosixFilePermissions(probeFile);
        var dirPermissions = Files.getPosixFilePermissions(probeDir);
        Path out = temp.resolve("out");
        for (String file : List.of("assessment.json", "devops.sarif", "devops-junit.xml", "summary.md",
                "site/index.html")) {
            assertThat(Files.getPosixFilePermissions(out.resolve(file))).as(file).isEqualTo(filePermissions);
        }
        assertThat(Files.getPosixFilePermissions(out.resolve("site"))).isEqualTo(dirPermissions);
    }
}
