package io.github.devopsassess.scan.environment;

import io.github.devopsassess.testing.FixtureScan;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Copies a fixture folder from {@code src/test/resources/environment/} into a temporary folder and scans it. */
public final class EnvironmentFixtures {

    private EnvironmentFixtures() {
    }

    /** Scans the fixture folder with the environment scanner only. */
    public static Facts scan(String fixture, Path dir) {
        return scan(fixture, dir, Facts.builder());
    }

    /** Scans into a builder that may already hold facts (for example CI runtime pins). */
    public static Facts scan(String fixture, Path dir, Facts.Builder builder) {
        copy(fixture, dir);
        return scanFolder(dir, builder);
    }

    /** Scans a folder the test wrote itself. */
    public static Facts scanFolder(Path dir, Facts.Builder builder) {
        WorkingTree tree = new WorkingTree(dir, "", 8L * 1024 * 1024);
        new EnvironmentScanner().scan(new ScanContext(tree, null, "no history in this test",
                ScanOptions.defaults(), s -> { }), builder);
        return builder.build();
    }

    public static EnvironmentFacts environments(Facts facts) {
        return facts.find(EnvironmentFacts.class).orElseThrow();
    }

    /** The definitions of one system and normalised environment. */
    public static List<EnvironmentDefinition> definitions(Facts facts, String system, String environment) {
        return environments(facts).definitions().stream()
                .filter(d -> d.system().equals(system) && d.environment().equals(environment)).toList();
    }

    /** The default rubric's settings of a check. */
    public static CheckSettings settings(String checkId) {
        try {
            return new CheckSettings(new RubricLoader(EnvironmentFixtures.class.getClassLoader()).loadDefault().checks().get(checkId));
        } catch (RubricException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(String fixture, Path dir) {
        FixtureScan.copy("/environment/" + fixture, dir);
    }
}
