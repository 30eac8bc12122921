package io.github.devopsassess.scan.history;

import io.github.devopsassess.facts.history.InfrastructureFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceFilesTest {

    private final SourceFiles defaults = SourceFiles.defaults();

    @Test
    void linguistStyleExclusions() {
        assertThat(List.of("src/main/java/App.java", "lib/util.py", "web/app.js", "Makefile", "infra/main.tf"))
                .allMatch(defaults::isSource);
        assertThat(List.of("README.md", "docs/guide.adoc", "sub/docs/x.java", "LICENSE", "CHANGELOG.md",
                "vendor/lib/a.go", "web/node_modules/x/index.js", "third_party/z.c", "extlib/q.java",
                "web/app.min.js", "yarn.lock", "package-lock.json", "target/classes/A.class", "build/out.js",
                "img/logo.png", "data/table.csv", "fonts/a.woff2"))
                .noneMatch(defaults::isSource);
    }

    /** jQuery keeps QUnit, Sinon and RequireJS under a top-level external/: its module truck factor was theirs. */
    @Test
    void vendoredFoldersUnderOtherNamesAndSourceMapsAreLeftOut() {
        assertThat(List.of("external/qunit/qunit.js", "extern/zlib/inflate.c", "app/bower_components/x/x.js",
                "lib/third-party/y.js", "3rd_party/z.cc", "web/vendors/w.js", "dist/sizzle-min.js",
                "external/sizzle/dist/sizzle.min.map", "web/app.js.map", "thirdparty/pyyaml/yaml/__init__.py"))
                .noneMatch(defaults::isSource);
        // a package of the team's own code that happens to be called external stays
        assertThat(defaults.isSource("src/main/java/org/acme/external/Client.java")).isTrue();
    }

    /** Wrapper scripts that Maven, Gradle and JHipster write (mvnw, gradlew, npmw) are the tool's, not the team's. */
    @Test
    void buildToolWrappersAreLeftOut() {
        assertThat(List.of("mvnw", "mvnw.cmd", "gradlew", "gradlew.bat", "npmw", "npmw.cmd",
                ".mvn/wrapper/maven-wrapper.properties", "sub/gradle/wrapper/gradle-wrapper.properties",
                "service/mvnw")).noneMatch(defaults::isSource);
        assertThat(defaults.isSource("scripts/mvnw-helper.sh")).isTrue();
    }

    @Test
    void teamGlobsAreAddedToTheDefaults() {
        SourceFiles custom = SourceFiles.withExtraExcludes(List.of("**/*.generated.java", "fixtures/**"));
        assertThat(custom.isSource("src/Api.generated.java")).isFalse();
        assertThat(custom.isSource("fixtures/big.json")).isFalse();
        assertThat(custom.isSource("README.md")).isFalse();
        assertThat(custom.isSource("src/Api.java")).isTrue();
    }

    @Test
    void infrastructureFilesAreCiContainersAndIac() {
        InfrastructureFiles infra = InfrastructureFiles.defaults();
        assertThat(List.of(".github/workflows/ci.yml", ".gitlab-ci.yml", "Jenkinsfile", "Dockerfile",
                "services/api/Dockerfile", "infra/main.tf", "helm/app/values.yaml", "k8s/deploy.yaml",
                "deploy/run.sh", ".circleci/config.yml", "azure-pipelines.yml")).allMatch(infra::matches);
        assertThat(List.of("src/Main.java", "README.md", "docs/deploy.md.txt")).noneMatch(infra::matches);
    }

    @Test
    void globsMatchAtTheTopAndBelowAndAMalformedOneNamesTheParameter() {
        SourceFiles custom = SourceFiles.withExtraExcludes(List.of("**/gen/**", "{api,web}/*.g.ts"));
        assertThat(List.of("gen/A.java", "mod/gen/B.java", "api/x.g.ts", "web/y.g.ts", "docs/a/b/c.java",
                "a/b/target/C.java", "NOTICE.txt")).noneMatch(custom::isSource);
        assertThat(List.of("general/A.java", "lib/x.g.ts", "api/sub/x.g.ts", "mod/genx/B.java"))
                .allMatch(custom::isSource);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HistoryOptions(HistoryOptions.LineCounts.AUTO,
                null, 0, "v*", null, List.of("{src,lib/**"))).hasMessageContaining("devops.sourceExcludes")
                .hasMessageContaining("{src,lib/**");
    }
}
