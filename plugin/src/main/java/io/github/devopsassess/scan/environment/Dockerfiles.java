package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.environment.RuntimePin;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfile base images ({@code FROM}, every stage of a multi-stage build) and the runtimes they bring. A
 * Dockerfile under {@code .devcontainer/} builds the dev container; any other builds what is deployed.
 * {@code ARG}s declared before the first {@code FROM} are substituted, as Docker does.
 */
final class Dockerfiles {

    private static final Pattern ARG = Pattern.compile("(?i)ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?");
    private static final Pattern FROM = Pattern.compile("(?i)FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?.*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}?");

    private final Inputs in;

    Dockerfiles(Inputs in) {
        this.in = in;
    }

    static boolean isDockerfile(String path) {
        String name = Inputs.fileName(path);
        return name.equals("Dockerfile") || name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile")
                || name.equals("Containerfile") || name.endsWith(".dockerfile");
    }

    /**
     * Base images and the runtime pins they imply. A tag set by a build argument is not judged ({@code --build-arg}
     * may change it), though its default still gives the runtime pin.
     */
    void read(Consumer<ImageUse> images, Consumer<RuntimePin> pins) {
        for (String path : in.files()) {
            if (!isDockerfile(path)) {
                continue;
            }
            String origin = path.startsWith(".devcontainer/") || path.contains("/.devcontainer/")
                    ? RuntimePin.DEV_CONTAINER : RuntimePin.IMAGE;
            in.text(path).ifPresent(text -> read(path, text, origin, images, pins));
        }
    }

    private void read(String path, String text, String origin, Consumer<ImageUse> images, Consumer<RuntimePin> pins) {
        Map<String, String> args = new HashMap<>();
        Set<String> stages = new HashSet<>();
        boolean seenFrom = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher arg = ARG.matcher(line);
            if (!seenFrom && arg.matches()) {
                args.put(arg.group(1), arg.group(2) == null ? "" : KustomizeOverlays.unquote(arg.group(2)));
                continue;
            }
            Matcher from = FROM.matcher(line);
            if (!from.matches()) {
                continue;
            }
            seenFrom = true;
            String image = substitute(from.group(1), args);
            if (from.group(2) != null) {
                stages.add(from.group(2).toLowerCase(Locale.ROOT));
            }
            if (image.equalsIgnoreCase("scratch") || stages.contains(image.toLowerCase(Locale.ROOT))
                    && !image.contains(":")) {
                continue;
            }
            String slot = from.group(2) == null ? "FROM" : from.group(2);
            if (image.contains("$")) {
                in.problem(path, i + 1, "base image '" + image + "' uses a build argument without a default");
                images.accept(new ImageUse(ImageUse.DOCKERFILE, ImageRef.parse(slot, image, path, i + 1),
                        Pinning.VARIABLE, "set by a build argument without a default"));
                continue;
            }
            ImageRef ref = ImageRef.parse(slot, image, path, i + 1);
            String written = from.group(1);
            int tagStart = written.lastIndexOf(':') > written.lastIndexOf('/') ? written.lastIndexOf(':') : -1;
            if (written.contains("$") && (tagStart < 0 || written.indexOf('$', tagStart) >= 0)) {
                images.accept(new ImageUse(ImageUse.DOCKERFILE, ref, Pinning.VARIABLE, "the tag comes from a build"
                        + " argument (default " + ref.reference() + "), which --build-arg may change"));
            } else {
                images.accept(ImageReferences.use(ImageUse.DOCKERFILE, ref));
            }
            RuntimeImages.pins(ref, origin).forEach(pins);
        }
    }

    private static String substitute(String image, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(image);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = args.get(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2) != null ? m.group(2) : m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
