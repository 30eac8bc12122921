package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Committed dotenv files ({@code .env}, {@code .env.production}, {@code .env.local}) — files that usually hold a
 * developer's or an environment's secrets and are meant to stay out of version control. Templates
 * ({@code .env.example}, {@code .env.sample}, {@code .env.template}, {@code .env.dist}) are left out.
 */
final class DotEnvFiles {

    static final String SYSTEM = "dotenv";

    private static final Set<String> TEMPLATES = Set.of("example", "sample", "template", "dist", "defaults",
            "schema", "tmpl", "tpl", "default");

    private final Inputs in;

    DotEnvFiles(Inputs in) {
        this.in = in;
    }

    static boolean isDotEnv(String path) {
        String name = Inputs.fileName(path);
        if (name.equals(".env")) {
            return true;
        }
        if (!name.startsWith(".env.")) {
            return false;
        }
        String suffix = name.substring(".env.".length());
        return !suffix.isEmpty() && TEMPLATES.stream().noneMatch(t -> suffix.equals(t) || suffix.endsWith("." + t));
    }

    void read(Consumer<EnvironmentDefinition> out) {
        for (String path : in.files()) {
            if (!isDotEnv(path)) {
                continue;
            }
            String name = Inputs.fileName(path);
            String raw = name.equals(".env") ? "" : name.substring(".env.".length());
            Optional<String> env = raw.isEmpty() ? Optional.of(EnvironmentDefinition.BASE) : EnvironmentNames.known(raw);
            in.text(path).ifPresent(text -> out.accept(new EnvironmentDefinition(SYSTEM, Inputs.folder(path),
                    raw.isEmpty() ? ".env" : raw, env.orElse(EnvironmentDefinition.BASE), path, 1,
                    settings(path, text), List.of(), List.of())));
        }
    }

    /** {@code KEY=value} lines, with {@code export}, quotes and comments handled; other lines are ignored. */
    static List<Setting> settings(String path, String text) {
        List<Setting> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (!value.startsWith("\"") && !value.startsWith("'")) {
                int hash = value.indexOf(" #");
                if (hash >= 0) {
                    value = value.substring(0, hash).strip();
                }
            }
            out.add(Setting.of(line.substring(0, eq).strip(), KustomizeOverlays.unquote(value), path, i + 1));
        }
        return out;
    }
}
