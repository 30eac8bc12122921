package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.ownership.CriticalPaths;
import io.github.devopsassess.scan.history.SourceFiles;
import io.github.devopsassess.facts.ownership.CodeownersPattern;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class AlternativesTest {

    @Test
    void theRequiredLiteralIsTheLongestPlainRunOutsideWildcardsClassesAndBraces() {
        assertThat(Alternatives.requiredLiteral("**/Dockerfile*")).isEqualTo("Dockerfile");
        assertThat(Alternatives.requiredLiteral("/.github/workflows/")).isEqualTo("workflows");
        assertThat(Alternatives.requiredLiteral("**/db/migration/**")).isEqualTo("migration");
        assertThat(Alternatives.requiredLiteral("*.tf")).isEqualTo(".tf");
        // what braces and classes hold is one choice among several: never required
        assertThat(Alternatives.requiredLiteral("{src,lib}/*.gen.ts")).isEqualTo(".gen.ts");
        assertThat(Alternatives.requiredLiteral("build[0123456789]/x")).isEqualTo("build");
        assertThat(Alternatives.requiredLiteral("{alphabetical,other}")).isEmpty();
        // an escape ends a run: both sides are still plain text of the path
        assertThat(Alternatives.requiredLiteral("my\\ file.txt")).isEqualTo("file.txt");
        assertThat(Alternatives.requiredLiteral("**")).isEmpty();
    }

    @Test
    void noPrefilterWhenAGlobHasNothingRequired() {
        assertThat(Alternatives.prefilter(List.of("*.tf", "*"))).isNull();
        Predicate<String> possible = Alternatives.prefilter(List.of("*.tf", "**/Jenkinsfile"));
        assertThat(possible).isNotNull();
        assertThat(possible.test("infra/main.tf")).isTrue();
        assertThat(possible.test("src/Main.java")).isFalse();
    }

    /** The prefilter may only say no where the expression would: same answers as each glob tried alone. */
    @Test
    void globsWithThePrefilterAnswerAsEachGlobAlone() {
        List<String> globs = SourceFiles.DEFAULT_EXCLUDES;
        Predicate<String> any = Glob.anyOf(globs);
        List<Glob> one = globs.stream().map(Glob::of).toList();
        for (String path : List.of("docs/a.adoc", "x/docs/y.java", "doc/z.c", "docker/Dockerfile", "README",
                "sub/README.txt", "LICENSE-2.0", "src/main/java/Vendor.java", "a/vendor/b.go", "vendors/x.js",
                "external/qunit/qunit.js", "src/external/Client.java", "web/app.min.js", "app-min.js",
                "x/yarn.lock", "Cargo.lock", "a/target/b", "target", "build/x", "tools/build.gradle",
                "dist/x.js", "src/generated/A.java", "devops-baseline.json", "sample/devops-history/1.json",
                "src/Main.java", "", "/", "a//b", "ünïcödé/README.md")) {
            assertThat(any.test(path)).as(path).isEqualTo(Glob.anyMatches(one, path));
        }
    }

    @Test
    void codeownersPatternsWithThePrefilterAnswerAsEachPatternAlone() {
        List<CodeownersPattern> patterns = CriticalPaths.DEFAULTS.stream().map(CodeownersPattern::compile).toList();
        Predicate<String> any = CodeownersPattern.anyOf(patterns);
        for (String path : List.of(".github/workflows/ci.yml", "sub/.github/workflows/ci.yml", "Jenkinsfile",
                "ci/Jenkinsfile", "Dockerfile.dev", "a/b/Dockerfile", "web.dockerfile", "infra/main.tf", "x.tfvars",
                "terragrunt.hcl", "charts/app/Chart.yaml", "db/migration/V1__init.sql", "app/migrations/0001.py",
                "CODEOWNERS", ".github/CODEOWNERS", ".github/settings.yml", "x/.github/settings.yml", "OWNERS",
                "pkg/OWNERS_ALIASES", "src/main/java/org/acme/Main.java", "README.md", ".gitlab/ci/build.yml",
                ".circleci/config.yml", "azure-pipelines.yml", "kustomization.yaml", "migration/notes.txt")) {
            assertThat(any.test(path)).as(path).isEqualTo(patterns.stream().anyMatch(p -> p.matches(path)));
        }
    }
}
