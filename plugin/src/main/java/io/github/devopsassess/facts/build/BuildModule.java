package io.github.devopsassess.facts.build;

import java.util.List;

/**
 * A folder with a build file of its own (Maven {@code pom.xml}, Gradle {@code build.gradle[.kts]}) that the build it
 * sits in does not list: no {@code <module>} of an aggregating pom above it, no {@code include} of a Gradle settings
 * file above it.
 *
 * @param buildFile the module's build file, repository-relative
 * @param line the line that names the module in its build file ({@code artifactId}, or 1)
 * @param aggregator the nearest aggregating build file above it (a pom with {@code <modules>}, a
 *     {@code settings.gradle[.kts]}), or {@code null} when none lists modules: then it is a build of its own
 * @param aggregatorLine the line of its {@code <modules>} block or first {@code include}, or 0
 * @param commentedOut the line of the aggregator where the module is named inside a comment, or 0
 * @param builtBy CI definitions and build scripts that name the folder ({@code path:line}), so that it is built
 *     another way (empty: nothing names it)
 */
public record BuildModule(String buildFile, int line, String aggregator, int aggregatorLine, int commentedOut,
        List<String> builtBy) {

    public BuildModule {
        builtBy = List.copyOf(builtBy);
    }

    /** The module's folder. */
    public String folder() {
        int slash = buildFile.lastIndexOf('/');
        return slash < 0 ? "" : buildFile.substring(0, slash);
    }
}
