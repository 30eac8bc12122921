package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.scan.pipeline.RefPinning;
import io.github.devopsassess.source.RepoTree;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every image named outside the pipelines, judged for pinning: the images of the environment definitions (compose
 * services, kustomize {@code images:}, Helm values, manifests of environment folders), the {@code containers} and
 * {@code initContainers} of any Kubernetes manifest in the tree (and the {@code steps} and {@code sidecars} of Tekton
 * resources), Dockerfile base images (given by
 * {@link Dockerfiles}) and dev container images and features (given by {@link DevContainers}). What the file cannot
 * tell is {@link Pinning#VARIABLE} with the reason: a Helm image without a tag runs the chart's {@code appVersion},
 * a kustomize entry with only {@code newName} keeps the base's tag, a template placeholder is set at render time.
 */
final class ImageReferences {

    private final Inputs in;

    ImageReferences(Inputs in) {
        this.in = in;
    }

    /** The uses of the definitions' images, then those of Kubernetes manifests not already read, one per place. */
    void read(List<EnvironmentDefinition> definitions, Consumer<ImageUse> out) {
        Set<String> seen = new HashSet<>();
        Consumer<ImageUse> once = u -> {
            if (seen.add(u.image().path() + ":" + u.image().line() + ":" + u.image().reference())) {
                out.accept(u);
            }
        };
        for (EnvironmentDefinition d : definitions) {
            for (ImageRef image : d.images()) {
                definitionUse(d.system(), image).ifPresent(once);
            }
        }
        for (String path : in.files()) {
            if (!isCandidateManifest(path)) {
                continue;
            }
            // read quietly: a YAML file that is no manifest (too large, binary) is none of this reader's business
            RepoTree.TextRead read = in.tree().readText(path);
            if (read.ok() && read.text().contains("apiVersion") && read.text().contains("image:")
                    && !read.text().contains("{{")) {
                manifest(path, read.text(), once);
            }
        }
    }

    private static Optional<ImageUse> definitionUse(String system, ImageRef image) {
        return switch (system) {
            case "compose" -> Optional.of(use(ImageUse.COMPOSE, image));
            case "manifests" -> Optional.of(use(ImageUse.KUBERNETES, image));
            case "helm" -> Optional.of(image.tag().isEmpty() && image.digest().isEmpty()
                    ? new ImageUse(ImageUse.HELM, image, Pinning.VARIABLE,
                            "no tag: the chart's templates usually default it to the chart's appVersion")
                    : use(ImageUse.HELM, image));
            case "kustomize" -> image.slot().startsWith("chart:") ? Optional.empty()
                    : Optional.of(image.tag().isEmpty() && image.digest().isEmpty()
                            ? new ImageUse(ImageUse.KUSTOMIZE, image, Pinning.VARIABLE,
                                    "no newTag: the tag of the base's manifest is kept")
                            : use(ImageUse.KUSTOMIZE, image));
            default -> Optional.empty();
        };
    }

    /** A use judged from its reference alone. */
    static ImageUse use(String source, ImageRef image) {
        String reference = image.reference();
        Pinning pinning = RefPinning.image(reference);
        return new ImageUse(source, image, pinning, pinning == Pinning.VARIABLE
                ? "the reference is built from a variable" : "");
    }

    private static boolean isCandidateManifest(String path) {
        String name = Inputs.fileName(path);
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !ComposeFiles.isCompose(path)
                && !name.startsWith("kustomization") && !name.startsWith("values") && !path.startsWith(".github/")
                && !path.startsWith(".gitlab") && !path.startsWith(".circleci/") && !name.equals(".gitlab-ci.yml")
                && !path.contains("/templates/") && !path.startsWith("templates/");
    }

    private void manifest(String path, String text, Consumer<ImageUse> out) {
        for (YamlNode doc : in.yaml(path, text)) {
            Optional<YamlNode.Mapping> m = doc.asMapping();
            if (m.isPresent() && m.get().get("apiVersion").isPresent() && m.get().get("kind").isPresent()) {
                boolean tekton = m.get().string("apiVersion").orElse("").startsWith("tekton.dev/");
                containers(m.get(), path, tekton, out);
            }
        }
    }

    /**
     * Every {@code containers}/{@code initContainers}/{@code ephemeralContainers} entry's image, at any depth; in a
     * Tekton resource ({@code tekton.dev/} Task, Pipeline, TaskRun, PipelineRun) also the {@code steps} and
     * {@code sidecars}, which Tekton runs as the containers of the task's pod.
     */
    private static void containers(YamlNode node, String path, boolean tekton, Consumer<ImageUse> out) {
        if (node instanceof YamlNode.Mapping m) {
            for (String key : m.keys()) {
                YamlNode value = m.entries().get(key);
                if (key.equals("containers") || key.equals("initContainers") || key.equals("ephemeralContainers")
                        || tekton && (key.equals("steps") || key.equals("sidecars"))) {
                    value.asSequence().ifPresent(s -> s.items().forEach(c -> c.asMapping().ifPresent(cm ->
                            cm.string("image").filter(i -> !i.isBlank()).ifPresent(image -> out.accept(use(
                                    ImageUse.KUBERNETES, ImageRef.parse(cm.string("name").orElse("container"), image,
                                            path, cm.lineOf("image"))))))));
                } else {
                    containers(value, path, tekton, out);
                }
            }
        } else if (node instanceof YamlNode.Sequence s) {
            s.items().forEach(v -> containers(v, path, tekton, out));
        }
    }
}
