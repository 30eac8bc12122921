package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.RuntimePin;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java version a Gradle build ({@code build.gradle}, {@code build.gradle.kts}) compiles for: the toolchain's
 * {@code languageVersion} ({@code = JavaLanguageVersion.of(17)} or {@code .set(JavaLanguageVersion.of(17))}),
 * Kotlin's {@code jvmToolchain(17)}, and {@code sourceCompatibility}/{@code targetCompatibility} written as
 * {@code JavaVersion.VERSION_17}, {@code JavaVersion.VERSION_1_8}, {@code '17'}, {@code "17"} or {@code 1.8}. A
 * value taken from a variable or property is not a pin here and is left alone; a {@code JavaVersion} constant that
 * does not exist is reported with its line.
 */
final class GradleBuilds {

    private static final Pattern TOOLCHAIN = Pattern.compile("JavaLanguageVersion\\s*\\.\\s*of\\s*\\(\\s*[\"']?(\\d+)[\"']?\\s*\\)");
    private static final Pattern JVM_TOOLCHAIN = Pattern.compile("\\bjvmToolchain\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern COMPATIBILITY = Pattern.compile(
            "\\b(?:source|target)Compatibility\\s*(?:=|\\.set\\s*\\()\\s*(\\S+?)\\s*\\)?\\s*(?:;.*)?$");
    private static final Pattern CONSTANT = Pattern.compile("JavaVersion\\s*\\.\\s*(VERSION_\\w+)");
    private static final Pattern VALID_CONSTANT = Pattern.compile("VERSION_(?:1_(\\d+)|(\\d+))");
    private static final Pattern TO_VERSION = Pattern.compile("JavaVersion\\s*\\.\\s*toVersion\\s*\\(\\s*[\"']?([\\d.]+)[\"']?\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("[\"']?(\\d+(?:\\.\\d+)?)[\"']?");

    private final Inputs in;

    GradleBuilds(Inputs in) {
        this.in = in;
    }

    static boolean isGradleBuild(String path) {
        String name = Inputs.fileName(path);
        return name.equals("build.gradle") || name.equals("build.gradle.kts");
    }

    void read(Consumer<RuntimePin> out) {
        for (String path : in.files()) {
            if (isGradleBuild(path)) {
                in.text(path).ifPresent(text -> read(path, text, out));
            }
        }
    }

    private void read(String path, String text, Consumer<RuntimePin> out) {
        String[] lines = text.split("\r?\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inBlockComment) {
                int end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                line = line.substring(end + 2);
                inBlockComment = false;
            }
            int open = line.indexOf("/*");
            if (open >= 0 && line.indexOf("*/", open) < 0) {
                inBlockComment = true;
                line = line.substring(0, open);
            }
            int comment = line.indexOf("//");
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            String version = version(path, i + 1, line.strip());
            if (version != null) {
                out.accept(new RuntimePin("java", version, path, i + 1, RuntimePin.BUILD));
            }
        }
    }

    /** The Java version the line pins, or null. */
    private String version(String path, int line, String text) {
        Matcher m = TOOLCHAIN.matcher(text);
        if (m.find()) {
            return m.group(1);
        }
        m = JVM_TOOLCHAIN.matcher(text);
        if (m.find()) {
            return m.group(1);
        }
        m = COMPATIBILITY.matcher(text);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1);
        Matcher constant = CONSTANT.matcher(value);
        if (constant.find()) {
            Matcher valid = VALID_CONSTANT.matcher(constant.group(1));
            if (!valid.matches()) {
                in.problem(path, line, "JavaVersion." + constant.group(1) + " is not a Java version constant"
                        + " (expected VERSION_17 or VERSION_1_8)");
                return null;
            }
            return valid.group(1) != null ? valid.group(1) : valid.group(2);
        }
        Matcher to = TO_VERSION.matcher(value);
        if (to.find()) {
            return java8(to.group(1));
        }
        Matcher literal = LITERAL.matcher(value);
        return literal.matches() ? java8(literal.group(1)) : null; // a variable or property: not a pin here
    }

    /** {@code 1.8} → {@code 8}; {@code 17} stays. */
    private static String java8(String v) {
        return v.startsWith("1.") ? v.substring(2) : v;
    }
}
