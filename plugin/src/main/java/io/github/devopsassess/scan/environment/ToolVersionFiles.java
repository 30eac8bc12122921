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
 * {@code .go-version}, {@code .terraform-version}; and the platform files that pick a runtime:
 * {@code runtime.txt} ({@code python-3.11.4}, Heroku and Cloud Foundry) and {@code system.properties}
 * ({@code java.runtime.version=17}, Heroku).
 */
final class ToolVersionFiles {

    private static final Map<String, String> SINGLE = Map.of(".java-version", "java", ".nvmrc", "node",
            ".node-version", "node", ".python-version", "python", ".ruby-version", "ruby", ".go-version", "go",
            ".terraform-version", "terraform");

    /** {@code python-3.11.4}, {@code pypy3.10-7.3.12}: a runtime name, a dash, a version. */
    private static final Pattern RUNTIME_TXT = Pattern.compile("([a-z][a-z_]*?)(\\d+(?:\\.\\d+)*)?-v?(\\d[\\w.+-]*)");
    private static final Pattern JAVA_RUNTIME = Pattern.compile("java\\.runtime\\.version\\s*[=:]\\s*(\\S+)");

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
                // a .terraform-version in envs/prod/ pins what production's Terraform runs with
                String env = name.equals(".terraform-version")
                        ? TerraformVars.pinEnvironment(TerraformVars.place(path)) : "";
                in.text(path).ifPresent(text -> firstValue(text).ifPresent(
                        lv -> out.accept(new RuntimePin(single, clean(single, lv.value()), path, lv.line(),
                                RuntimePin.TOOL_FILE, env))));
            } else if (name.equals("runtime.txt")) {
                in.text(path).ifPresent(text -> runtimeTxt(path, text, out));
            } else if (name.equals("system.properties")) {
                in.text(path).ifPresent(text -> systemProperties(path, text, out));
            } else if (name.equals(".tool-versions") || name.equals(".sdkmanrc")) {
                in.text(path).ifPresent(text -> pairs(path, text, name.equals(".sdkmanrc") ? "=" : "\\s+", out));
            }
        }
    }

    private void runtimeTxt(String path, String text, Consumer<RuntimePin> out) {
        firstValue(text).ifPresent(lv -> {
            Matcher m = RUNTIME_TXT.matcher(lv.value().toLowerCase(Locale.ROOT));
            if (!m.matches() && lv.value().strip().matches("\\d+(\\.\\d+){0,2}")) {
                // Netlify's runtime.txt holds only the Python version ("3.8")
                out.accept(new RuntimePin("python", clean("python", lv.value().strip()), path, lv.line(),
                        RuntimePin.TOOL_FILE));
                return;
            }
            if (!m.matches()) {
                in.problem(path, lv.line(), "expected a runtime and its version such as python-3.11.4, not '"
                        + lv.value() + "'");
                return;
            }
            boolean pypy = m.group(1).equals("pypy");
            String runtime = pypy ? "python" : ALIASES.getOrDefault(m.group(1), m.group(1));
            // pypy3.10-7.3.12 is Python 3.10 on PyPy 7.3.12
            String version = pypy && m.group(2) != null ? m.group(2) : m.group(3);
            out.accept(new RuntimePin(runtime, clean(runtime, version), path, lv.line(), RuntimePin.TOOL_FILE));
        });
    }

    private static void systemProperties(String path, String text, Consumer<RuntimePin> out) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = JAVA_RUNTIME.matcher(lines[i].strip());
            if (m.matches()) {
                out.accept(new RuntimePin("java", clean("java", m.group(1)), path, i + 1, RuntimePin.TOOL_FILE));
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
