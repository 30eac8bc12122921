package io.github.devopsassess.facts.environment;

/**
 * A container image (or chart) an environment runs.
 *
 * @param slot what the image is for, stable across environments: the kustomize {@code images[].name}, the Helm
 *     values key ({@code image}, {@code backend.image}), the compose service name
 * @param repository the image name without tag or digest
 * @param tag the tag, or {@code ""}
 * @param digest the digest ({@code sha256:…}), or {@code ""}
 * @param path repository-relative path
 * @param line 1-based line
 */
public record ImageRef(String slot, String repository, String tag, String digest, String path, int line) {

    /** The digest when pinned by digest, else the tag; what must be equal when an image is promoted. */
    public String version() {
        return digest.isEmpty() ? tag : digest;
    }

    /** {@code repo:tag@digest} for messages and the matrix. */
    public String reference() {
        return repository + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    /** Splits {@code registry:5000/name:tag@sha256:…}; a port in the registry is not a tag. */
    public static ImageRef parse(String slot, String image, String path, int line) {
        String rest = image.trim();
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(slot, rest, tag, digest, path, line);
    }
}
