package io.github.devopsassess.rubric;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where one rubric document comes from: the default rubric, a file, or a resource on the plugin's classpath (an
 * organisation's rubric published as a Maven artifact and added as a plugin dependency).
 *
 * @param key identity used to detect cycles and documents reached twice
 * @param label what messages call it: the file path or {@code classpath:acme/rubric.yaml}
 * @param file the file, or {@code null} for a classpath resource
 * @param resource the classpath resource, or {@code null} for a file
 */
record RubricSource(String key, String label, Path file, String resource) {

    static final String CLASSPATH = "classpath:";

    static RubricSource defaultRubric() {
        return resource(RubricLoader.DEFAULT_RESOURCE);
    }

    static RubricSource file(Path file) {
        return new RubricSource(file.toAbsolutePath().normalize().toString(), file.toString(), file, null);
    }

    static RubricSource resource(String resource) {
        String r = resource.startsWith("/") ? resource.substring(1) : resource;
        return new RubricSource(CLASSPATH + r, CLASSPATH + r, null, r);
    }

    /**
     * Resolves an {@code extends:} entry written in this document: {@code default}, {@code classpath:x}, or a path
     * relative to this document (a file's folder, or a resource's package).
     */
    RubricSource resolve(String target) {
        if (RubricLoader.DEFAULT_NAME.equals(target)) {
            return defaultRubric();
        }
        if (target.startsWith(CLASSPATH)) {
            return resource(target.substring(CLASSPATH.length()));
        }
        if (file != null) {
            Path parent = file.getParent();
            return file(parent == null ? Path.of(target) : parent.resolve(target));
        }
        String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
        return resource(normalise(folder + target));
    }

    private static String normalise(String resourcePath) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : resourcePath.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
