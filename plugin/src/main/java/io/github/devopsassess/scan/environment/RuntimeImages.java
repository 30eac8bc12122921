package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.RuntimePin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which runtime a container image brings, and at what version: {@code eclipse-temurin:17-jre} is Java 17,
 * {@code maven:3.9-eclipse-temurin-21} is Maven 3.9 and Java 21, {@code mcr.microsoft.com/devcontainers/java:1-21}
 * is Java 21 (the leading {@code 1-} is the dev container image's own version).
 */
final class RuntimeImages {

    /** Last part of an image name → runtime. */
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("eclipse-temurin", "java"), Map.entry("openjdk", "java"), Map.entry("amazoncorretto", "java"),
            Map.entry("zulu-openjdk", "java"), Map.entry("ibm-semeru-runtimes", "java"),
            Map.entry("sapmachine", "java"), Map.entry("adoptopenjdk", "java"), Map.entry("java", "java"),
            Map.entry("liberica-openjdk-debian", "java"), Map.entry("liberica-openjdk-alpine", "java"),
            Map.entry("node", "node"), Map.entry("javascript-node", "node"), Map.entry("typescript-node", "node"),
            Map.entry("python", "python"), Map.entry("golang", "go"), Map.entry("go", "go"),
            Map.entry("ruby", "ruby"), Map.entry("terraform", "terraform"), Map.entry("maven", "maven"),
            Map.entry("gradle", "gradle"), Map.entry("dotnet", "dotnet"), Map.entry("php", "php"),
            Map.entry("rust", "rust"));

    /** A JDK named inside a build-tool image tag: {@code 3.9.6-eclipse-temurin-21}, {@code 8.5-jdk17}. */
    private static final Pattern JDK_IN_TAG = Pattern.compile(
            "(?:temurin|openjdk|jdk|corretto|zulu|sapmachine|semeru|graalvm)-?(\\d+)");
    private static final Pattern DISTROLESS_JAVA = Pattern.compile("java(\\d+)(?:-.*)?");
    private static final Pattern LEADING_VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+)*)");

    private RuntimeImages() {
    }

    static List<RuntimePin> pins(ImageRef image, String origin) {
        List<RuntimePin> out = new ArrayList<>();
        String repo = image.repository().toLowerCase(Locale.ROOT);
        String name = repo.substring(repo.lastIndexOf('/') + 1);
        String tag = image.tag().toLowerCase(Locale.ROOT);
        Matcher distroless = DISTROLESS_JAVA.matcher(name);
        if (distroless.matches()) {
            out.add(pin("java", distroless.group(1), image, origin));
            return out;
        }
        String runtime = BY_NAME.get(name);
        if (runtime == null) {
            return out;
        }
        String versionTag = tag;
        if (repo.contains("devcontainers/") && tag.matches("\\d+-\\d.*")) {
            versionTag = tag.substring(tag.indexOf('-') + 1);
        }
        out.add(pin(runtime, version(versionTag), image, origin));
        if (runtime.equals("maven") || runtime.equals("gradle")) {
            Matcher jdk = JDK_IN_TAG.matcher(tag);
            if (jdk.find()) {
                out.add(pin("java", jdk.group(1), image, origin));
            }
        }
        return out;
    }

    /** {@code 17-jre} → 17, {@code 8u392-b08} → 8, {@code 3.11-slim} → 3.11, no tag → latest. */
    static String version(String tag) {
        if (tag.isEmpty()) {
            return "latest";
        }
        Matcher m = LEADING_VERSION.matcher(tag);
        return m.lookingAt() ? m.group(1) : tag;
    }

    private static RuntimePin pin(String runtime, String version, ImageRef image, String origin) {
        return new RuntimePin(runtime, version, image.path(), image.line(), origin);
    }
}
