package io.github.devopsassess.check.ownership;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.check.ownership.OptionalOwnershipSectionsCheck;
import io.github.devopsassess.check.ownership.OwnerConcentrationCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.ownership.OwnershipScanner;
import io.github.devopsassess.source.WorkingTree;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** owner-concentration and optional-ownership-sections. */
class SharedOwnershipChecksTest {

    static CheckResult run(Check check, Path root, String... files) throws Exception {
        for (int i = 0; i < files.length; i += 2) {
            Path p = root.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1], StandardCharsets.UTF_8);
        }
        Facts.Builder b = Facts.builder();
        new OwnershipScanner().scan(new ScanContext(new WorkingTree(root, "", 1 << 20), null, "none",
                ScanOptions.defaults(), s -> { }), b);
        var rubric = new RubricLoader(SharedOwnershipChecksTest.class.getClassLoader())
                .loadDefault();
        return CheckRunner.evaluate(check, b.build(), new CheckSettings(rubric.checks().get(check.id())));
    }

    @Test
    void onePersonOwningMostOfTheTreeFailsAndABigTeamWarns(@TempDir Path dir) throws Exception {
        CheckResult r = run(new OwnerConcentrationCheck(), dir, "CODEOWNERS", "* @acme/platform\n/src/ @dev\n",
                "src/A.java", "a", "src/B.java", "b", "README.md", "r");
        // 4 files: @dev owns 2 (50%, not above the limit); @acme/platform 2 (50%)
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);

        CheckResult heavy = run(new OwnerConcentrationCheck(), dir, "src/C.java", "c");
        assertThat(heavy.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(heavy.findings()).singleElement().satisfies(f -> {
            assertThat(f.subject()).as("no handle written out").matches("owner:contributor-[a-z2-7]{10}");
            assertThat(f.fingerprint()).as("the fingerprint does not depend on the key").isEqualTo(
                    io.github.devopsassess.model.Finding.fingerprint(OwnerConcentrationCheck.ID, "owner:@dev"));
            assertThat(f.message()).contains("60%").contains("this one person");
            assertThat(f.evidence()).containsExactly(Evidence.line("CODEOWNERS", 2));
        });
    }

    @Test
    void allOptionalGitlabSectionsEnforceNothing(@TempDir Path dir) throws Exception {
        Path source = Path.of(getClass().getResource("/ownership/optional").toURI());
        CheckResult r = run(new OptionalOwnershipSectionsCheck(), dir, ".gitlab/CODEOWNERS",
                Files.readString(source.resolve(".gitlab/CODEOWNERS")), "src/a.c", "x");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsExactly(Evidence.line(".gitlab/CODEOWNERS", 2).withNote("^[Suggested Reviewers]")));

        CheckResult github = run(new OptionalOwnershipSectionsCheck(), dir.resolve("gh"), ".github/CODEOWNERS",
                "* @acme/x\n");
        assertThat(github.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }
}
