package io.github.devopsassess.facts.build;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * The Maven and Gradle builds of the assessed folder and the module folders they leave out.
 *
 * @param buildFiles every pom.xml, build.gradle[.kts] and settings.gradle[.kts] read, sorted
 * @param aggregators the build files that list modules ({@code <modules>}, Gradle {@code include}), sorted
 * @param unlisted module folders no aggregator lists, sorted by build file; samples, examples and test fixtures
 *     (under {@code src/test}, {@code src/it}, {@code archetype-resources}, {@code fixtures}, {@code testdata}) are
 *     not modules and not here
 */
public record BuildModuleFacts(List<String> buildFiles, List<String> aggregators, List<BuildModule> unlisted)
        implements Input {

    public BuildModuleFacts {
        buildFiles = List.copyOf(buildFiles);
        aggregators = List.copyOf(aggregators);
        unlisted = List.copyOf(unlisted);
    }

    @Override
    public Optional<String> unusable() {
        return buildFiles.isEmpty() ? Optional.of("no Maven or Gradle build file (pom.xml, build.gradle,"
                + " settings.gradle)") : Optional.empty();
    }
}
