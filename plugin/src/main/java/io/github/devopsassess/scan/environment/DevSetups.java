package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.DevSetup;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What gives a developer a working environment from the repository: a dev container, a compose file, Vagrant,
 * Gitpod, devbox, Tilt, Skaffold, or a README section on running locally.
 */
final class DevSetups {

    private static final Map<String, String> FILES = Map.of("Vagrantfile", "vagrant", ".gitpod.yml", "gitpod",
            "devbox.json", "devbox", "Tiltfile", "tilt", "skaffold.yaml", "skaffold", "shell.nix", "nix",
            "flake.nix", "nix", "devfile.yaml", "devfile");

    /** A heading about a local or development setup. */
    private static final Pattern HEADING = Pattern.compile("(?i)^(#{1,6}|={1,6})\\s+.*\\b("
            + "local (development|setup|environment|dev)|run(ning)? (it )?locally|development (setup|environment)"
            + "|dev(eloper)? setup|getting started|set(ting)? ?up (your|a|the) (local|development|dev))\\b.*");

    private final Inputs in;

    DevSetups(Inputs in) {
        this.in = in;
    }

    void read(Consumer<DevSetup> out) {
        for (String path : in.files()) {
            String name = Inputs.fileName(path);
            if (DevContainers.isDevContainer(path)) {
                out.accept(new DevSetup("devcontainer", path, 1));
            } else if (ComposeFiles.isCompose(path)) {
                out.accept(new DevSetup("compose", path, 1));
            } else if (FILES.containsKey(name)) {
                out.accept(new DevSetup(FILES.get(name), path, 1));
            } else if (isDoc(path)) {
                in.text(path).ifPresent(text -> documented(path, text, out));
            }
        }
    }

    private static boolean isDoc(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        String name = Inputs.fileName(lower);
        boolean doc = lower.endsWith(".md") || lower.endsWith(".adoc") || lower.endsWith(".rst");
        return doc && (name.startsWith("readme") || name.startsWith("contributing") || name.startsWith("development")
                || name.startsWith("hacking") || lower.startsWith("docs/") && !lower.substring(5).contains("/"));
    }

    private static void documented(String path, String text, Consumer<DevSetup> out) {
        List<String> lines = List.of(text.split("\r?\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (HEADING.matcher(lines.get(i).strip()).matches()) {
                out.accept(new DevSetup("documented", path, i + 1));
                return;
            }
        }
    }
}
