package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.RuntimePin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version-manager files on developer machines: {@code .tool-versions} (asdf, mise), {@code .sdkmanrc},
 * {@code .java-version}, {@code .nvmrc}, {@code .node-version}, {@code .python-version}, {@code .ruby-version},
 * {@code .go-version}, {@code .terraform-version}.
 */
final class ToolVersionFiles {

    private static final Map<String, String> SINGLE = Map.of(".java-version", "java", ".nvmrc", "node",
            ".node-version", "node", ".python-version", "python", ".ruby-version", "ruby", ".go-version", "go",
            ".terraform-version", "terraform");

    /** Tool names in asdf and sdkman → runtime ids. */
    private static final Map<String, String> ALIASES = Map.of("nodejs", "node", "golang", "go");

    /** {@code temurin-17.0.2+8}, {@code 17.0.8-tem}, {@code openjdk-21} → the numeric part. */
    private static final Pattern NUMERIC = Pattern.compile("(\\d+(?:\\.\\d+)*)");

    private final Inputs in;

    ToolVersionFiles(Inputs in) {
        this.in = in;
    }

    void read(Consumer<RuntimePin> out) {
        for (String path : in.files()) {
            String name = Inputs.fileName(path);
            String single = SINGLE.get(name);
            if (single != null) {
                in.text(path).ifPresent(text -> firstValue(text).ifPresent(
                        lv -> out.accept(new RuntimePin(single, clean(single, lv.value()), path, lv.line(),
                                RuntimePin.TOOL_FILE))));
            } else if (name.equals(".tool-versions") || name.equals(".sdkmanrc")) {
                in.text(path).ifPresent(text -> pairs(path, text, name.equals(".sdkmanrc") ? "=" : "\\s+", out));
            }
        }
    }

    private record LineValue(String value, int line) {
    }

    private static java.util.Optional<LineValue> firstValue(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return java.util.Optional.of(new LineValue(l.split("\\s+")[0], i + 1));
            }
        }
        return java.util.Optional.empty();
    }

    private void pairs(String path, String text, String separator, Consumer<RuntimePin> out) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash).strip();
            }
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split(separator, 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                in.problem(path, i + 1, "expected a tool and a version");
                continue;
            }
            String tool = parts[0].strip().toLowerCase(Locale.ROOT);
            String runtime = ALIASES.getOrDefault(tool, tool);
            // asdf allows fallbacks ("java temurin-17 system"): the first is the one in use
            out.accept(new RuntimePin(runtime, clean(runtime, parts[1].strip().split("\\s+")[0]), path, i + 1,
                    RuntimePin.TOOL_FILE));
        }
    }

    /** Strips vendor names and a {@code v} prefix, keeping aliases such as {@code lts/hydrogen} as written. */
    static String clean(String runtime, String version) {
        String v = version.strip();
        if (v.startsWith("v") && v.length() > 1 && Character.isDigit(v.charAt(1))) {
            return v.substring(1);
        }
        if (runtime.equals("java")) {
            Matcher m = NUMERIC.matcher(v);
            if (m.find()) {
                return m.group(1);
            }
        }
        return v;
    }
}
