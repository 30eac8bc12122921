package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Terraform: {@code <env>.tfvars} ({@code prod.tfvars}, {@code terraform.prod.tfvars}), any file under
 * {@code environments/<env>/}, {@code envs/<env>/} or {@code env/<env>/}, and terragrunt {@code terragrunt.hcl}
 * {@code inputs} under an environment folder. Assignments are read line by line ({@code key = value}); a nested
 * map or list is kept as one value, which is enough to see which keys an environment sets.
 */
final class TerraformVars {

    static final String SYSTEM = "terraform";

    private static final Set<String> ENV_FOLDERS = Set.of("environments", "envs", "env");

    private final Inputs in;

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
            List<Setting> settings = tfvars ? assignments(path, text, 0, text.split("\r?\n", -1).length)
                    : inputs(path, text);
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

    /** The assignments inside terragrunt's {@code inputs = { … }} block. */
    private List<Setting> inputs(String path, String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().matches("inputs\\s*=\\s*\\{\\s*")) {
                int depth = 1;
                for (int j = i + 1; j < lines.length; j++) {
                    depth += balance(lines[j]);
                    if (depth <= 0) {
                        return assignments(path, text, i + 1, j);
                    }
                }
                in.problem(path, i + 1, "the inputs block is not closed");
                return List.of();
            }
        }
        return List.of();
    }

    /** Top-level {@code key = value} lines between two line indexes; a value spanning lines is kept whole. */
    private List<Setting> assignments(String path, String text, int from, int to) {
        String[] lines = text.split("\r?\n", -1);
        List<Setting> out = new ArrayList<>();
        boolean comment = false;
        for (int i = from; i < to; i++) {
            String line = lines[i].strip();
            if (comment) {
                comment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                comment = !line.contains("*/");
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip().replace("\"", "");
            if (eq <= 0 || !key.matches("[A-Za-z0-9_.-]+")) {
                in.problem(path, i + 1, "not a Terraform assignment (expected key = value)");
                continue;
            }
            StringBuilder value = new StringBuilder(stripComment(line.substring(eq + 1).strip()));
            int depth = balance(value.toString());
            int start = i;
            while (depth > 0 && i + 1 < to) {
                String next = stripComment(lines[++i].strip());
                value.append(' ').append(next);
                depth += balance(next);
            }
            if (depth > 0) {
                in.problem(path, start + 1, "the value of '" + key + "' is not closed");
            }
            out.add(Setting.of(key, KustomizeOverlays.unquote(value.toString().replaceAll("\\s+", " ")), path,
                    start + 1));
        }
        return out;
    }

    private static String stripComment(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '#' || c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                return s.substring(0, i).strip();
            }
        }
        return s;
    }

    /** Opening minus closing brackets outside strings. */
    private static int balance(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']' || c == ')')) {
                depth--;
            }
        }
        return depth;
    }
}
