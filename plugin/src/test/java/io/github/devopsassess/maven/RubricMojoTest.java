package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class RubricMojoTest {

    @TempDir
    Path temp;

    /** Keeps what the goal logs. */
    static final class Captured extends SystemStreamLog {
        final List<String> info = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    }

    @Test
    @InjectMojo(goal = "rubric", pom = "src/test/resources/unit/rubric/pom.xml")
    void printsTheEffectiveRubricAfterExtendsAndTheProfile(RubricMojo mojo) throws Exception {
        Path team = temp.resolve("team.yaml");
        Files.writeString(team, "extends: default\nchecks:\n  truck-factor:\n    thresholds:\n      warn: 5\n");
        Path out = temp.resolve("effective.yaml");
        MojoExtension.setVariableValueToObject(mojo, "rubric", team.toString());
        MojoExtension.setVariableValueToObject(mojo, "profile", "library");
        MojoExtension.setVariableValueToObject(mojo, "rubricOutput", out.toFile());
        MojoExtension.setVariableValueToObject(mojo, "print", true);
        Captured log = new Captured();
        mojo.setLog(log);

        mojo.execute();

        String printed = String.join("\n", log.info);
        assertThat(printed).contains("# Effective rubric, profile library, from: classpath:")
                .contains("  truck-factor:").contains("      warn: 5").doesNotContain("  incident-response:")
                .contains("is valid:");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("      warn: 5");
    }

    @Test
    @InjectMojo(goal = "rubric", pom = "src/test/resources/unit/rubric/pom.xml")
    void failsWithEveryProblemAndItsLine(RubricMojo mojo) throws Exception {
        Path team = temp.resolve("team.yaml");
        Files.writeString(team, "extends: default\nchecks:\n  truck-factr:\n    enabled: false\n");
        MojoExtension.setVariableValueToObject(mojo, "rubric", team.toString());
        MojoExtension.setVariableValueToObject(mojo, "print", true);
        Captured log = new Captured();
        mojo.setLog(log);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 problem:")
                .hasMessageContaining("team.yaml:3: unknown check id 'truck-factr' (did you mean 'truck-factor'?)");
        assertThat(log.errors).singleElement().asString().endsWith("team.yaml:3: unknown check id 'truck-factr'"
                + " (did you mean 'truck-factor'?); a custom check of your own needs a 'type'");
    }
}
