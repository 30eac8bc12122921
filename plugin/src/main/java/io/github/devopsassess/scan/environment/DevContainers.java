package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.parse.JsonComments;
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
        read(out, use -> { });
    }

    /** Runtime pins, and the image and features as image uses judged for pinning. */
    void read(Consumer<RuntimePin> out, Consumer<ImageUse> uses) {
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
                uses(path, root.get(), uses);
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

    /**
     * The image (no tag is {@code latest}) and every feature. A feature's own tag ({@code :1}) is a major-version pin
     * of the feature, as {@code actions/checkout@v4} is of an action: accepted as a tag. A feature without a tag
     * floats; so does a runtime feature whose {@code version} option is {@code latest} or missing (the feature
     * installs its default, usually the latest release), since then the same file gives a different runtime
     * tomorrow.
     */
    private static void uses(String path, YamlNode.Mapping root, Consumer<ImageUse> out) {
        root.string("image").ifPresent(image -> out.accept(ImageReferences.use(ImageUse.DEV_CONTAINER,
                ImageRef.parse("image", image, path, root.lineOf("image")))));
        root.mapping("features").ifPresent(features -> {
            for (String id : features.keys()) {
                if (id.startsWith("./") || id.startsWith("../")) {
                    continue; // a local feature is versioned with the repository
                }
                YamlNode options = features.entries().get(id);
                int line = features.lineOf(id);
                ImageRef feature = ImageRef.parse("feature", id, path, line);
                if (feature.tag().isEmpty() && feature.digest().isEmpty()) {
                    out.accept(new ImageUse(ImageUse.DEV_CONTAINER_FEATURE, feature, Pinning.UNTAGGED, ""));
                    continue;
                }
                String runtime = featureRuntime(id);
                Optional<String> version = options.asMapping().flatMap(m -> m.string("version"))
                        .or(() -> Optional.ofNullable(options.text())).map(String::strip).filter(v -> !v.isEmpty());
                boolean floatingVersion = version.map(v -> v.equalsIgnoreCase("latest") || v.equalsIgnoreCase("lts")
                        || v.equalsIgnoreCase("current")).orElse(true);
                if (runtime != null && floatingVersion) {
                    int at = options.asMapping().filter(m -> m.get("version").isPresent()).map(m -> m.lineOf("version"))
                            .orElse(line);
                    ImageRef floating = new ImageRef("feature", feature.repository(), version.orElse(""), "", path,
                            at);
                    out.accept(new ImageUse(ImageUse.DEV_CONTAINER_FEATURE, floating, version.isPresent()
                            ? Pinning.MUTABLE : Pinning.UNTAGGED, ""));
                } else {
                    out.accept(ImageReferences.use(ImageUse.DEV_CONTAINER_FEATURE, feature));
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
