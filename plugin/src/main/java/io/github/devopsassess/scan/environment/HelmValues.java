package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm values: {@code values.yaml} of a chart and the per-environment files beside it in every naming style seen in
 * real repositories ({@code values-prod.yaml}, {@code values_prod.yaml}, {@code prod.values.yaml},
 * {@code prod-values.yaml}, {@code values.prod.yaml}, {@code values.prod.template.yaml}, {@code values/prod.yaml}).
 * Go template expressions are replaced by a placeholder before parsing, so a templated values file still yields its
 * keys.
 */
final class HelmValues {

    static final String SYSTEM = "helm";

    private static final List<Pattern> ENV_FILES = List.of(
            Pattern.compile("values[-_]([^./]+)\\.ya?ml"),
            Pattern.compile("([^./]+)[.-]values\\.ya?ml"),
            Pattern.compile("values\\.([^./]+)(?:\\.template|\\.tpl)?\\.ya?ml"));
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
    private static final String PLACEHOLDER = "${template}";

    private final Inputs in;

    HelmValues(Inputs in) {
        this.in = in;
    }

    void read(Consumer<EnvironmentDefinition> out) {
        List<String> files = in.files();
        for (String path : files) {
            if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
                continue; // every values file is YAML: a large tree's other files stop here
            }
            String name = Inputs.fileName(path);
            String folder = Inputs.folder(path);
            if (name.equals("values.yaml") || name.equals("values.yml")) {
                boolean chart = in.tree().isFile(join(folder, "Chart.yaml")) || files.stream()
                        .anyMatch(f -> !f.equals(path) && Inputs.folder(f).equals(folder) && envName(f).isPresent());
                if (chart) {
                    definition(path, folder, "values", EnvironmentDefinition.BASE, out);
                }
                continue;
            }
            Optional<String> raw = envName(path);
            if (raw.isPresent()) {
                String family = Inputs.fileName(folder).equals("values") ? Inputs.folder(folder) : folder;
                EnvironmentNames.known(raw.get()).ifPresent(env -> definition(path, family, raw.get(), env, out));
            }
        }
    }

    /** The environment part of a per-environment values file name. */
    private static Optional<String> envName(String path) {
        String name = Inputs.fileName(path);
        if (Inputs.fileName(Inputs.folder(path)).equals("values") && name.matches("[^.]+\\.ya?ml")) {
            return Optional.of(name.substring(0, name.indexOf('.')));
        }
        for (Pattern p : ENV_FILES) {
            Matcher m = p.matcher(name);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private void definition(String path, String family, String name, String env, Consumer<EnvironmentDefinition> out) {
        in.text(path).ifPresent(text -> {
            List<YamlNode> docs = in.yaml(path, untemplate(text));
            if (docs.isEmpty()) {
                return;
            }
            Optional<YamlNode.Mapping> root = docs.get(0).asMapping();
            if (root.isEmpty()) {
                in.problem(path, docs.get(0).line(), "Helm values must be a mapping, not " + docs.get(0).kind());
                return;
            }
            List<ImageRef> images = new ArrayList<>();
            images(root.get(), "", path, images);
            out.accept(new EnvironmentDefinition(SYSTEM, family, name, env, path, root.get().line(),
                    Flattener.flatten(root.get(), path), images, List.of()));
        });
    }

    /**
     * Blanks lines that hold only a template action ({@code {{- if .Values.x }}}) and replaces inline expressions,
     * keeping the line count so that lines still match the file.
     */
    static String untemplate(String text) {
        if (!text.contains("{{")) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && TEMPLATE.matcher(trimmed).replaceAll("")
                    .isBlank()) {
                sb.append('\n');
                continue;
            }
            sb.append(TEMPLATE.matcher(line).replaceAll(Matcher.quoteReplacement(PLACEHOLDER))).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    /** Images in the chart conventions: {@code image: {repository, tag, digest}} and {@code image: repo:tag}. */
    private static void images(YamlNode.Mapping m, String prefix, String path, List<ImageRef> out) {
        Optional<String> repository = m.string("repository");
        if (repository.isPresent() && (m.get("tag").isPresent() || m.get("digest").isPresent()
                || prefix.toLowerCase().endsWith("image"))) {
            String repo = m.string("registry").map(r -> r + "/" + repository.get()).orElse(repository.get());
            String tag = m.string("tag").orElse("");
            int line = m.get("tag").isPresent() ? m.lineOf("tag") : m.lineOf("repository");
            if ((repo + tag).contains(PLACEHOLDER)) {
                return; // set when the template is rendered: unknown here, so not compared
            }
            out.add(new ImageRef(prefix.isEmpty() ? "image" : prefix, repo, tag, m.string("digest").orElse(""),
                    path, line));
            return;
        }
        for (String key : m.keys()) {
            YamlNode v = m.entries().get(key);
            String slot = prefix.isEmpty() ? key : prefix + "." + key;
            if (v instanceof YamlNode.Mapping child) {
                images(child, slot, path, out);
            } else if (key.equalsIgnoreCase("image") && v.text() != null && !v.text().isBlank()
                    && !v.text().contains(PLACEHOLDER)) {
                out.add(ImageRef.parse(slot, v.text(), path, m.lineOf(key)));
            }
        }
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
