package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.RemoteRef;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Kustomize: a {@code base/} and {@code overlays/<env>/}, or the {@code <component>/{development,staging,production}}
 * layout (with nested {@code production/base/}). Reads images ({@code newName}, {@code newTag}, {@code digest}),
 * remote resources and their {@code ?ref=}, generator literals, replicas, Helm charts, and the replicas and
 * resources that simple patches change.
 */
final class KustomizeOverlays {

    static final String SYSTEM = "kustomize";

    private static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final Inputs in;

    KustomizeOverlays(Inputs in) {
        this.in = in;
    }

    /** Where in the layout a kustomization stands. */
    record Place(String family, String name, String environment) {
    }

    void read(Consumer<EnvironmentDefinition> out) {
        for (String path : in.files()) {
            if (!FILE_NAMES.contains(Inputs.fileName(path))) {
                continue;
            }
            in.mapping(path, "kustomization").ifPresent(k -> {
                Place place = place(Inputs.folder(path));
                List<Setting> settings = new ArrayList<>();
                List<ImageRef> images = new ArrayList<>();
                List<RemoteRef> remotes = new ArrayList<>();
                read(k, path, settings, images, remotes);
                out.accept(new EnvironmentDefinition(SYSTEM, place.family(), place.name(), place.environment(), path,
                        k.line(), settings, images, remotes));
            });
        }
    }

    /** {@code a/overlays/prod} → (a, prod); {@code c/production/base} → (c, production); {@code c/base} → base. */
    static Place place(String folder) {
        String[] seg = folder.isEmpty() ? new String[0] : folder.split("/");
        for (int i = 0; i + 1 < seg.length; i++) {
            if (seg[i].equals("overlays") || seg[i].equals("envs") || seg[i].equals("environments")) {
                return new Place(join(seg, i), seg[i + 1], EnvironmentNames.normalise(seg[i + 1]));
            }
        }
        for (int i = seg.length - 1; i >= 0; i--) {
            Optional<String> env = EnvironmentNames.known(seg[i]);
            if (env.isPresent()) {
                return new Place(join(seg, i), seg[i], env.get());
            }
        }
        for (int i = seg.length - 1; i >= 0; i--) {
            if (seg[i].equals("base")) {
                return new Place(join(seg, i), "base", EnvironmentDefinition.BASE);
            }
        }
        return new Place(folder, "base", EnvironmentDefinition.BASE);
    }

    private static String join(String[] seg, int end) {
        return String.join("/", List.of(seg).subList(0, end));
    }

    private void read(YamlNode.Mapping k, String path, List<Setting> settings, List<ImageRef> images,
            List<RemoteRef> remotes) {
        k.string("namespace").ifPresent(ns -> settings.add(Setting.of("namespace", ns, path, k.lineOf("namespace"))));
        for (String field : List.of("resources", "components", "bases")) {
            for (YamlNode r : k.list(field)) {
                String text = r.text();
                if (text != null && isRemote(text)) {
                    remotes.add(RemoteRef.parse(text, path, r.line()));
                }
            }
        }
        for (YamlNode node : k.list("images")) {
            node.asMapping().ifPresent(img -> {
                String name = img.string("name").orElse("");
                if (name.isEmpty()) {
                    in.problem(path, img.line(), "an images entry without a name is ignored by kustomize");
                    return;
                }
                int line = img.get("newTag").isPresent() ? img.lineOf("newTag")
                        : img.get("digest").isPresent() ? img.lineOf("digest") : img.line();
                images.add(new ImageRef(name, img.string("newName").orElse(name), img.string("newTag").orElse(""),
                        img.string("digest").orElse(""), path, line));
            });
        }
        for (YamlNode node : k.list("helmCharts")) {
            node.asMapping().ifPresent(chart -> chart.string("name").ifPresent(name -> images.add(new ImageRef(
                    "chart:" + name, chart.string("repo").map(r -> r + "/" + name).orElse(name),
                    chart.string("version").orElse(""), "", path, chart.lineOf("version")))));
        }
        generators(k, "configMapGenerator", path, settings);
        generators(k, "secretGenerator", path, settings);
        for (YamlNode node : k.list("replicas")) {
            node.asMapping().ifPresent(r -> r.string("name").ifPresent(name -> settings.add(Setting.of(
                    "replicas." + name, r.string("count").orElse(""), path, r.lineOf("count")))));
        }
        patches(k, path, settings);
    }

    private static boolean isRemote(String resource) {
        return resource.contains("://") || resource.startsWith("github.com/") || resource.startsWith("git@")
                || resource.contains("?ref=");
    }

    /** Generator literals ({@code KEY=value}) become {@code configMapGenerator.<name>.<KEY>}. */
    private static void generators(YamlNode.Mapping k, String field, String path, List<Setting> settings) {
        for (YamlNode node : k.list(field)) {
            node.asMapping().ifPresent(g -> {
                String name = g.string("name").orElse("unnamed");
                for (YamlNode lit : g.list("literals")) {
                    String text = lit.text();
                    if (text == null) {
                        continue;
                    }
                    int eq = text.indexOf('=');
                    String key = eq < 0 ? text : text.substring(0, eq);
                    String value = eq < 0 ? "" : unquote(text.substring(eq + 1));
                    boolean secretStore = field.equals("secretGenerator");
                    settings.add(Setting.of(key.trim(), value, path, lit.line(), secretStore)
                            .prefixed(field + "." + name));
                }
            });
        }
    }

    /** Replicas and resources that a local patch file sets, as {@code patch.<kind>/<name>.<key>}. */
    private void patches(YamlNode.Mapping k, String path, List<Setting> settings) {
        List<String> files = new ArrayList<>();
        for (String field : List.of("patches", "patchesStrategicMerge")) {
            for (YamlNode p : k.list(field)) {
                if (p.text() != null && !p.text().contains("\n")) {
                    files.add(p.text());
                }
                p.asMapping().flatMap(m -> m.string("path")).ifPresent(files::add);
            }
        }
        String folder = Inputs.folder(path);
        for (String file : files) {
            String patchPath = normalise(folder.isEmpty() ? file : folder + "/" + file);
            if (patchPath == null || !in.tree().isFile(patchPath)) {
                continue;
            }
            for (YamlNode doc : in.yaml(patchPath)) {
                doc.asMapping().ifPresent(m -> {
                    String id = m.string("kind").orElse("?") + "/" + m.mapping("metadata")
                            .flatMap(md -> md.string("name")).orElse("?");
                    for (Setting s : Flattener.flatten(m, patchPath,
                            key -> key.contains("replicas") || key.contains(".resources."))) {
                        settings.add(s.prefixed("patch." + id));
                    }
                });
            }
        }
    }

    /** Resolves {@code ..} inside the repository; {@code null} when it would leave it. */
    static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
