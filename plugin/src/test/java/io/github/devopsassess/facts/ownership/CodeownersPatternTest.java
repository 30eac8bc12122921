package io.github.devopsassess.facts.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expectations taken from {@code git check-ignore --no-index -v} in a scratch repository (git 2.x) with the same
 * pattern in .gitignore, except where noted: the tricky cases are leading and trailing slashes, {@code **} at the
 * start, middle and end, folder patterns owning everything below them, and escaped spaces.
 */
class CodeownersPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // trailing slash: folders only, anchored because of the leading slash
        "/build/logs/  | build/logs/a.txt       | true",
        "/build/logs/  | x/build/logs/a.txt     | false",
        "/build/logs/  | build/logs             | false",
        // trailing slash only: not anchored, matches the folder at any depth
        "apps/         | apps/a.js              | true",
        "apps/         | x/apps/b.js            | true",
        "apps/         | apps                   | false",
        // leading **/ matches at any depth, the folder owns its content
        "**/logs       | logs/x.txt             | true",
        "**/logs       | deep/logs/y.txt        | true",
        "**/logs       | logs                   | true",
        // ** in the middle spans zero or more folders
        "a/**/b.txt    | a/b.txt                | true",
        "a/**/b.txt    | a/x/y/b.txt            | true",
        "a/**/b.txt    | x/a/b.txt              | false",
        "src/**/test   | src/a/b/test/c.java    | true",
        "src/**/test   | src/test               | true",
        // trailing /** owns everything inside
        "docs/**       | docs/a/b/c.md          | true",
        "docs/**       | docs                   | false",
        // a slash in the middle anchors
        "/x/y          | x/y/z                  | true",
        "x/y           | q/x/y                  | false",
        "/root.txt     | root.txt               | true",
        "/root.txt     | x/root.txt             | false",
        // no slash: any depth, file or folder
        "*.sql         | db/V1.sql              | true",
        "*.sql         | V1.sql                 | true",
        "lib           | lib/x.js               | true",
        "lib           | x/lib/y                | true",
        "lib           | library/y              | false",
        // * and ? never cross a slash
        "/src/*.java   | src/A.java             | true",
        "/src/*.java   | src/a/A.java           | false",
        "/v?.txt       | v1.txt                 | true",
        "/v?.txt       | v12.txt                | false",
        // escaped space
        "foo\\ bar.txt | foo bar.txt            | true",
        "foo\\ bar.txt | z/foo bar.txt          | true",
        "foo\\ bar.txt | foo                    | false",
        // catch-alls
        "*             | a/b/c.txt              | true",
        "/             | a/b/c.txt              | true",
        "**            | a/b/c.txt              | true",
    })
    void matchesLikeGit(String pattern, String file, boolean expected) {
        assertThat(CodeownersPattern.compile(pattern.trim()).matches(file.trim())).isEqualTo(expected);
    }

    /**
     * Here GitHub deviates from git: git ignores docs/sub/b.md through the folder docs/sub, but GitHub documents
     * that {@code docs/*} owns docs/getting-started.md and not docs/build-app/troubleshooting.md.
     */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "docs/*  | docs/getting-started.md              | true",
        "docs/*  | docs/build-app/troubleshooting.md    | false",
        "docs/*  | x/docs/a.md                          | false",
        "/*      | README.md                            | true",
        "/*      | src/Main.java                        | false",
    })
    void trailingStarOwnsDirectChildrenOnlyAsGithubDocuments(String pattern, String file, boolean expected) {
        assertThat(CodeownersPattern.compile(pattern.trim()).matches(file.trim())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"*, true", "/, true", "**, true", "/**, true", "*.js, false", "/*, false"})
    void recognisesCatchAll(String pattern, boolean expected) {
        assertThat(CodeownersPattern.compile(pattern).catchAll()).isEqualTo(expected);
    }

    /** The combined matcher answers exactly as the patterns one by one, for every mix of anchors and folder forms. */
    @org.junit.jupiter.api.Test
    void anyOfAnswersAsThePatternsOneByOne() {
        java.util.List<String> texts = java.util.List.of("docs/", "/build/*", "*.tf", "/.github/workflows/",
                "**/migrations/**", "Jenkinsfile", "apps/*/deploy/", "src/**/gen", "/ops/**");
        java.util.List<String> paths = java.util.List.of("docs/a.md", "x/docs/b.md", "docs", "build/out.js",
                "build/sub/out.js", "infra/main.tf", "main.tf", ".github/workflows/ci.yml", "db/migrations/1.sql",
                "migrations/2.sql", "ci/Jenkinsfile", "apps/web/deploy/run.sh", "apps/web/x/deploy/run.sh",
                "src/a/b/gen/X.java", "src/gen", "ops/a/b", "tools/ops/a", "README.md");
        for (int take = 0; take <= texts.size(); take++) {
            java.util.List<CodeownersPattern> patterns = texts.subList(0, take).stream()
                    .map(CodeownersPattern::compile).toList();
            var any = CodeownersPattern.anyOf(patterns);
            for (String path : paths) {
                assertThat(any.test(path)).as("%s over %s", path, texts.subList(0, take))
                        .isEqualTo(patterns.stream().anyMatch(pattern -> pattern.matches(path)));
            }
        }
    }
}
