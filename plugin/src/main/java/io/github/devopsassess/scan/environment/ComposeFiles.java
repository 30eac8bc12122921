package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose: {@code compose.yaml}, {@code docker-compose.yml} (the base), per-environment overrides
 * ({@code docker-compose.prod.yml}, {@code compose.staging.yaml}; {@code docker-compose.override.yml} is what
 * {@code docker compose up} applies on a developer's machine, so it is development), services whose
 * {@code profiles} name an environment, service images, {@code environment} and {@code env_file} contents.
 */
final class ComposeFiles {

    static final String SYSTEM = "compose";

    private static final Pattern FILE = Pattern.compile("(?:docker-)?compose(?:[.-]([^/]+?))?\\.ya?ml");

    private final Inputs in;

    ComposeFiles(Inputs in) {
        this.in = in;
    }

    static boolean isCompose(String path) {
        return FILE.matcher(Inputs.fileName(path)).matches();
    }

    void read(Consumer<EnvironmentDefinition> out) {
        for (String path : in.files()) {
            Matcher m = FILE.matcher(Inputs.fileName(path));
            if (!m.matches()) {
                continue;
            }
            String raw = m.group(1);
            Optional<String> fileEnv = raw == null ? Optional.of(EnvironmentDefinition.BASE)
                    : raw.equals("override") ? Optional.of(EnvironmentNames.DEVELOPMENT) : EnvironmentNames.known(raw);
            in.mapping(path, "compose file").ifPresent(root -> read(path, raw, fileEnv, root, out));
        }
    }

    /** One definition for the file's own environment and one per environment named in service profiles. */
    private void read(String path, String raw, Optional<String> fileEnv, YamlNode.Mapping root,
            Consumer<EnvironmentDefinition> out) {
        Map<String, Part> parts = new LinkedHashMap<>();
        YamlNode.Mapping services = root.mapping("services").orElse(null);
        if (services == null) {
            return;
        }
        for (String service : services.keys()) {
            Optional<YamlNode.Mapping> svc = services.mapping(service);
            if (svc.isEmpty()) {
                continue;
            }
            List<String> envs = new ArrayList<>();
            List<YamlNode> profiles = svc.get().list("profiles");
            for (YamlNode p : profiles) {
                EnvironmentNames.known(p.text()).ifPresent(env -> envs.add(p.text() + "\u0000" + env));
            }
            if (profiles.isEmpty() || envs.isEmpty()) {
                fileEnv.ifPresent(env -> envs.add((raw == null ? "compose" : raw) + "\u0000" + env));
            }
            for (String e : envs) {
                Part part = parts.computeIfAbsent(e, k -> new Part());
                service(service, svc.get(), path, part);
            }
        }
        String family = Inputs.folder(path);
        for (Map.Entry<String, Part> e : parts.entrySet()) {
            String[] nameEnv = e.getKey().split("\u0000", 2);
            out.accept(new EnvironmentDefinition(SYSTEM, family, nameEnv[0], nameEnv[1], path, root.line(),
                    e.getValue().settings, e.getValue().images, List.of()));
        }
    }

    /** What one environment's services of one file say. */
    private static final class Part {
        final List<Setting> settings = new ArrayList<>();
        final List<ImageRef> images = new ArrayList<>();
    }

    private void service(String service, YamlNode.Mapping svc, String path, Part part) {
        String prefix = "services." + service + ".environment";
        svc.string("image").ifPresent(image -> part.images.add(ImageRef.parse(service, image, path,
                svc.lineOf("image"))));
        svc.get("environment").ifPresent(env -> {
            if (env instanceof YamlNode.Mapping m) {
                for (String key : m.keys()) {
                    part.settings.add(Setting.of(key, m.string(key).orElse(""), path, m.lineOf(key))
                            .prefixed(prefix));
                }
            } else {
                for (YamlNode item : svc.list("environment")) {
                    String text = item.text() == null ? "" : item.text();
                    int eq = text.indexOf('=');
                    part.settings.add(Setting.of(eq < 0 ? text : text.substring(0, eq),
                            eq < 0 ? "" : text.substring(eq + 1), path, item.line()).prefixed(prefix));
                }
            }
        });
        List<String> envFiles = new ArrayList<>();
        svc.get("env_file").ifPresent(node -> {
            if (node.text() != null) {
                envFiles.add(node.text());
            }
            node.asSequence().ifPresent(seq -> seq.items().forEach(item -> {
                if (item.text() != null) {
                    envFiles.add(item.text());
                }
                item.asMapping().flatMap(m -> m.string("path")).ifPresent(envFiles::add);
            }));
        });
        String folder = Inputs.folder(path);
        for (String f : envFiles) {
            String envPath = KustomizeOverlays.normalise(folder.isEmpty() ? f : folder + "/" + f);
            if (envPath != null && in.tree().isFile(envPath) && !DotEnvFiles.isDotEnv(envPath)) {
                // committed .env files are read on their own; others (app.env) belong to this service
                in.text(envPath).ifPresent(text -> DotEnvFiles.settings(envPath, text)
                        .forEach(s -> part.settings.add(s.prefixed(prefix))));
            }
        }
    }
}
