package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.parse.YamlNode;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code devcontainer.json} ({@code .devcontainer/devcontainer.json}, {@code .devcontainer/<name>/devcontainer.json},
 * {@code .devcontainer.json}): the image's runtime and the {@code version} of features such as
 * {@code ghcr.io/devcontainers/features/java:1}. The file is JSON with comments; comments are stripped before it
 * is read.
 */
final class DevContainers {

    private final Inputs in;

    DevContainers(Inputs in) {
        this.in = in;
    }

    static boolean isDevContainer(String path) {
        String name = Inputs.fileName(path);
        return name.equals(".devcontainer.json")
                || name.equals("devcontainer.json") && (path.startsWith(".devcontainer/")
                || path.contains("/.devcontainer/"));
    }

    void read(Consumer<RuntimePin> out) {
        for (String path : in.files()) {
            if (!isDevContainer(path)) {
                continue;
            }
            in.text(path).ifPresent(text -> {
                var docs = in.yaml(path, JsonComments.strip(text));
                if (docs.isEmpty()) {
                    return;
                }
                Optional<YamlNode.Mapping> root = docs.get(0).asMapping();
                if (root.isEmpty()) {
                    in.problem(path, docs.get(0).line(), "devcontainer.json must be an object");
                    return;
                }
                read(path, root.get(), out);
            });
        }
    }

    private static void read(String path, YamlNode.Mapping root, Consumer<RuntimePin> out) {
        root.string("image").ifPresent(image -> RuntimeImages.pins(
                ImageRef.parse("image", image, path, root.lineOf("image")), RuntimePin.DEV_CONTAINER).forEach(out));
        root.mapping("features").ifPresent(features -> {
            for (String id : features.keys()) {
                String runtime = featureRuntime(id);
                YamlNode options = features.entries().get(id);
                String version = options.asMapping().flatMap(m -> m.string("version"))
                        .orElse(options.text());
                int line = options.asMapping().map(m -> m.get("version").isPresent() ? m.lineOf("version")
                        : features.lineOf(id)).orElse(features.lineOf(id));
                if (version != null && !version.isBlank() && runtime != null) {
                    out.accept(new RuntimePin(runtime, ToolVersionFiles.clean(runtime, version), path, line,
                            RuntimePin.DEV_CONTAINER));
                }
            }
        });
    }

    /** {@code ghcr.io/devcontainers/features/java:1} → java; {@code …/node:1} → node. */
    private static String featureRuntime(String id) {
        String last = id.substring(id.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        String name = (colon < 0 ? last : last.substring(0, colon)).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "java", "node", "python", "terraform", "ruby", "rust", "dotnet", "php", "maven", "gradle" -> name;
            case "go", "golang" -> "go";
            case "nodejs" -> "node";
            default -> null;
        };
    }
}
