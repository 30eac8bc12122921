package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.parse.HclValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Terraform: {@code <env>.tfvars} ({@code prod.tfvars}, {@code terraform.prod.tfvars}), any file under
 * {@code environments/<env>/}, {@code envs/<env>/} or {@code env/<env>/}, and terragrunt {@code terragrunt.hcl}
 * {@code inputs} under an environment folder, read with {@link HclReader}. A nested map or list is kept as one value
 * (its source text), which is enough to see which keys an environment sets and whether their values differ.
 */
final class TerraformVars {

    static final String SYSTEM = "terraform";

    private static final Set<String> ENV_FOLDERS = Set.of("environments", "envs", "env");

    private final Inputs in;
    private final HclReader hcl = new HclReader();

    TerraformVars(Inputs in) {
        this.in = in;
    }

    void read(Consumer<EnvironmentDefinition> out) {
        // environments/<env>/ folders with Terraform but no tfvars still define that environment
        TreeMap<String, String> envRoots = new TreeMap<>();
        for (String path : in.files()) {
            if (path.contains("/.terraform/") || path.startsWith(".terraform/")) {
                continue;
            }
            String name = Inputs.fileName(path);
            boolean tfvars = name.endsWith(".tfvars");
            boolean terragrunt = name.equals("terragrunt.hcl");
            if (!tfvars && !terragrunt && !name.endsWith(".tf")) {
                continue;
            }
            Optional<String[]> envFolder = envFolder(path);
            if (tfvars || terragrunt) {
                definition(path, tfvars, envFolder, out);
            } else if (name.endsWith(".tf") && envFolder.isPresent()) {
                envRoots.putIfAbsent(envFolder.get()[0] + "\u0000" + envFolder.get()[1], path);
            }
        }
        for (var e : envRoots.entrySet()) {
            String[] familyEnv = e.getKey().split("\u0000", 2);
            out.accept(new EnvironmentDefinition(SYSTEM, familyEnv[0], familyEnv[1],
                    EnvironmentNames.normalise(familyEnv[1]), e.getValue(), 1, List.of(), List.of(), List.of()));
        }
    }

    /** (family, environment name) of a path under {@code environments/<env>/}. */
    private static Optional<String[]> envFolder(String path) {
        String[] seg = path.split("/");
        for (int i = 0; i + 2 < seg.length; i++) {
            if (ENV_FOLDERS.contains(seg[i])) {
                return Optional.of(new String[] {String.join("/", List.of(seg).subList(0, i)), seg[i + 1]});
            }
        }
        return Optional.empty();
    }

    private void definition(String path, boolean tfvars, Optional<String[]> envFolder,
            Consumer<EnvironmentDefinition> out) {
        String family;
        String name;
        String env;
        if (envFolder.isPresent()) {
            family = envFolder.get()[0];
            name = envFolder.get()[1];
            env = EnvironmentNames.normalise(name);
        } else {
            family = Inputs.folder(path);
            Optional<String> fromName = tfvars ? nameEnv(Inputs.fileName(path)) : Optional.empty();
            if (tfvars && fromName.isEmpty() && !Inputs.fileName(path).startsWith("terraform.")) {
                return; // some.tfvars that names no environment
            }
            name = fromName.orElse("default");
            env = fromName.map(EnvironmentNames::normalise).orElse(EnvironmentDefinition.BASE);
        }
        in.text(path).ifPresent(text -> {
            HclReader.Result result = hcl.read(path, text);
            if (result.problem().isPresent()) {
                ParseProblem p = result.problem().get();
                in.problem(p.path(), p.line(), p.message());
                return; // like a malformed YAML file: its environment is not guessed from half a file
            }
            HclBody body = result.body().orElseThrow();
            List<Setting> settings = new ArrayList<>();
            if (tfvars) {
                body.attributes().forEach(a -> settings.add(Setting.of(a.name(), text(a.value()), path, a.line())));
            } else {
                body.attribute("inputs").map(HclAttribute::value).filter(HclValue.ObjectValue.class::isInstance)
                        .map(HclValue.ObjectValue.class::cast).ifPresent(inputs -> inputs.entries().forEach(e ->
                                settings.add(Setting.of(e.key(), text(e.value()), path, e.line()))));
            }
            out.accept(new EnvironmentDefinition(SYSTEM, family, name, env, path, 1, settings, List.of(),
                    List.of()));
        });
    }

    /** The known environment among the dot-separated parts of a file name: {@code terraform.prod.tfvars}. */
    private static Optional<String> nameEnv(String fileName) {
        for (String part : fileName.substring(0, fileName.length() - ".tfvars".length()).split("\\.")) {
            if (EnvironmentNames.known(part).isPresent()) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /**
     * A setting's value as compared between environments: a string's content, a number or boolean as written, a
     * heredoc's text; a list or map on one line in one spelling (so that comments, line breaks and a trailing comma
     * are no difference); any other expression as its source text.
     */
    static String text(HclValue v) {
        if (v instanceof HclValue.Literal l) {
            return l.text() == null ? "null" : l.source().startsWith("<<") ? l.text().strip() : l.text();
        }
        return KustomizeOverlays.unquote(render(v));
    }

    private static String render(HclValue v) {
        if (v instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING) {
            return l.source().startsWith("<<") ? "\"" + l.text().strip().replace("\n", "\\n") + "\"" : l.source();
        }
        if (v instanceof HclValue.ListValue list) {
            return "[" + String.join(", ", list.items().stream().map(TerraformVars::render).toList()) + "]";
        }
        if (v instanceof HclValue.ObjectValue object) {
            return object.entries().isEmpty() ? "{}" : "{ " + String.join(" ", object.entries().stream()
                    .map(e -> (e.literalKey() && e.key().matches("[A-Za-z_][\\w-]*") ? e.key() : e.literalKey()
                            ? "\"" + e.key() + "\"" : e.key()) + " = " + render(e.value())).toList()) + " }";
        }
        return v.source().replaceAll("\\s+", " ");
    }
}
