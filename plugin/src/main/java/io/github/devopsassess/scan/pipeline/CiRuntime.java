package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Location;

/**
 * A runtime version CI builds with, published for the environment-parity checks.
 *
 * @param tool {@code java}, {@code node}, {@code python}, {@code go}, {@code ruby}, {@code dotnet}, or for an image
 *     its repository ({@code maven}, {@code eclipse-temurin}, {@code node})
 * @param version the version as written ({@code 21}, {@code 3.9-eclipse-temurin-21}, {@code latest}); a
 *     {@code *-version-file} setting appears as {@code file:.nvmrc}
 * @param source {@code setup-java}, {@code setup-node}, ..., {@code image}
 * @param at where it is written
 */
public record CiRuntime(String tool, String version, String source, Location at) {
}
