package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Pinning;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Judges how firmly an action, orb or image reference is pinned (images also for the environment scanner). */
public final class RefPinning {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*([-+.][\\w.]+)?");
    private static final Set<String> FLOATING = Set.of("main", "master", "latest", "head", "develop", "dev",
            "trunk", "stable", "edge", "nightly", "volatile", "lts", "current", "staging");

    private RefPinning() {
    }

    /** {@code owner/repo@ref}, {@code owner/repo/path@ref}, {@code ./local} or {@code docker://image}. */
    static Pinning action(String uses) {
        if (uses.startsWith("./") || uses.startsWith(".\\")) {
            return Pinning.LOCAL;
        }
        if (uses.startsWith("docker://")) {
            return image(uses.substring("docker://".length()));
        }
        int at = uses.lastIndexOf('@');
        if (at < 0) {
            return Pinning.UNTAGGED;
        }
        return ref(uses.substring(at + 1));
    }

    /** A git ref or orb version. */
    static Pinning ref(String ref) {
        if (ref.contains("${") || ref.contains("$(")) {
            return Pinning.VARIABLE;
        }
        if (SHA.matcher(ref.toLowerCase(Locale.ROOT)).matches()) {
            return Pinning.IMMUTABLE;
        }
        if (FLOATING.contains(ref.toLowerCase(Locale.ROOT))) {
            return Pinning.MUTABLE;
        }
        return VERSION.matcher(ref).matches() ? Pinning.TAG : Pinning.BRANCH;
    }

    /** {@code registry/name:tag}, {@code name@sha256:...}, {@code name}. */
    public static Pinning image(String image) {
        String ref = image.trim();
        if (ref.contains("@sha256:")) {
            return Pinning.IMMUTABLE;
        }
        if (ref.contains("$")) {
            return Pinning.VARIABLE;
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon < 0 || colon < slash) {
            return Pinning.UNTAGGED;
        }
        String tag = ref.substring(colon + 1).toLowerCase(Locale.ROOT);
        // A tag without any digit ("alpine", "stable", "latest") names a moving line, not a version.
        if (FLOATING.contains(tag) || !tag.matches(".*\\d.*")) {
            return Pinning.MUTABLE;
        }
        return Pinning.TAG;
    }

    /** The repository part of an image ({@code eclipse-temurin} of {@code docker.io/library/eclipse-temurin:21}). */
    static String imageName(String image) {
        String ref = image.startsWith("docker://") ? image.substring(9) : image;
        int digest = ref.indexOf('@');
        if (digest >= 0) {
            ref = ref.substring(0, digest);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        String name = colon > slash ? ref.substring(0, colon) : ref;
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The tag of an image, or {@code latest} when it has none. */
    static String imageTag(String image) {
        String ref = image.startsWith("docker://") ? image.substring(9) : image;
        int digest = ref.indexOf('@');
        if (digest >= 0) {
            return ref.substring(digest + 1);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(colon + 1) : "latest";
    }
}
