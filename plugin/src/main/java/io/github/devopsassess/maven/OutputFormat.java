package io.github.devopsassess.maven;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;

/** The outputs {@code devops.formats} chooses among, as dependency-check's {@code formats}. */
enum OutputFormat {
    /** {@code site/}: the static report site (about half of an assessment's time). */
    SITE,
    /** {@code assessment.json}: what {@code check}, {@code report} and {@code aggregate} read. */
    JSON,
    /** {@code devops.sarif} for code-scanning views. */
    SARIF,
    /** {@code devops-junit.xml} for CI test views. */
    JUNIT,
    /** {@code summary.md}, also appended to {@code GITHUB_STEP_SUMMARY} when that is set. */
    SUMMARY;

    static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** The formats named (case-insensitive, {@code all} for every one); an unknown name is an error. */
    static Set<OutputFormat> parse(List<String> configured) throws MojoExecutionException {
        if (configured == null || configured.isEmpty()) {
            return EnumSet.allOf(OutputFormat.class);
        }
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String entry : configured) {
            for (String name : entry.split(",")) {
                String n = name.trim().toUpperCase(Locale.ROOT);
                if (n.isEmpty()) {
                    continue;
                }
                if (n.equals("ALL")) {
                    formats.addAll(EnumSet.allOf(OutputFormat.class));
                    continue;
                }
                try {
                    formats.add(valueOf(n));
                } catch (IllegalArgumentException e) {
                    throw new MojoExecutionException("devops.formats: '" + name.trim() + "' is not one of " + names()
                            + " (or all)");
                }
            }
        }
        if (formats.isEmpty()) {
            throw new MojoExecutionException("devops.formats names no format; choose among " + names() + " (or all)");
        }
        return formats;
    }
}
