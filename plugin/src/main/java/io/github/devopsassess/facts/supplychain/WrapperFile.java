package io.github.devopsassess.facts.supplychain;

/**
 * A build-tool wrapper's properties ({@code .mvn/wrapper/maven-wrapper.properties},
 * {@code gradle/wrapper/gradle-wrapper.properties}) and whether it pins the distribution's checksum.
 *
 * @param path repository-relative path
 * @param line line of {@code distributionUrl} (1 when there is none)
 * @param checksum whether {@code distributionSha256Sum} is set
 */
public record WrapperFile(String path, int line, boolean checksum) {
}
