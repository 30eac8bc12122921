package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Plain Kubernetes manifests kept per environment ({@code k8s/staging/deployment.yaml}) without kustomize or Helm:
 * an environment deployed with {@code kubectl apply}. Only folders named after an environment count, and only YAML
 * whose first document has {@code apiVersion} and {@code kind}.
 */
final class ManifestFolders {

    static final String SYSTEM = "manifests";

    private final Inputs in;

    ManifestFolders(Inputs in) {
        this.in = in;
    }

    void read(Consumer<EnvironmentDefinition> out) {
        Map<String, List<String>> byFolder = new TreeMap<>();
        for (String path : in.files()) {
            String name = Inputs.fileName(path);
            if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || path.contains("/templates/")
                    || name.startsWith("kustomization") || name.startsWith("values") || ComposeFiles.isCompose(path)
                    || path.startsWith(".github/") || path.contains("/.github/")) {
                continue;
            }
            String folder = Inputs.folder(path);
            if (envSegment(folder) >= 0 && !in.tree().isFile(folder + "/kustomization.yaml")
                    && !in.tree().isFile(folder + "/kustomization.yml")) {
                byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).add(path);
            }
        }
        byFolder.forEach((folder, files) -> read(folder, files, out));
    }

    /** Index of the last folder segment that is a known environment name, or -1. */
    private static int envSegment(String folder) {
        String[] seg = folder.split("/");
        for (int i = seg.length - 1; i >= 0; i--) {
            if (EnvironmentNames.known(seg[i]).isPresent() && !seg[i].equals("local")) {
                return i;
            }
        }
        return -1;
    }

    private void read(String folder, List<String> files, Consumer<EnvironmentDefinition> out) {
        String[] seg = folder.split("/");
        int i = envSegment(folder);
        String family = String.join("/", List.of(seg).subList(0, i));
        List<ImageRef> images = new ArrayList<>();
        String first = null;
        for (String path : files) {
            for (YamlNode doc : in.yaml(path)) {
                Optional<YamlNode.Mapping> m = doc.asMapping();
                if (m.isEmpty() || m.get().get("apiVersion").isEmpty() || m.get().get("kind").isEmpty()) {
                    continue;
                }
                first = first == null ? path : first;
                images(m.get(), path, images);
            }
        }
        if (first != null) {
            out.accept(new EnvironmentDefinition(SYSTEM, family, seg[i], EnvironmentNames.normalise(seg[i]), first, 1,
                    List.of(), images, List.of()));
        }
    }

    /** Every {@code image:} of a container, keyed by the container name. */
    private static void images(YamlNode node, String path, List<ImageRef> out) {
        if (node instanceof YamlNode.Mapping m) {
            Optional<String> image = m.string("image");
            if (image.isPresent() && m.get("name").isPresent()) {
                out.add(ImageRef.parse(m.string("name").orElse("image"), image.get(), path, m.lineOf("image")));
            }
            m.entries().values().forEach(v -> images(v, path, out));
        } else if (node instanceof YamlNode.Sequence s) {
            s.items().forEach(v -> images(v, path, out));
        }
    }
}
