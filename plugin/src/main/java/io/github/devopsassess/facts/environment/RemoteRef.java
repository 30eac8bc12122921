package io.github.devopsassess.facts.environment;

/**
 * A remote base an environment builds on, such as a kustomize resource
 * {@code https://github.com/org/repo/config/default?ref=abc}.
 *
 * @param url the address without its {@code ref} parameter: the identity compared across environments
 * @param ref the pinned ref (commit, tag or branch), or {@code ""} when unpinned
 * @param path repository-relative path of the file naming it
 * @param line 1-based line
 */
public record RemoteRef(String url, String ref, String path, int line) {

    /** Splits the {@code ref} (or kustomize's older {@code version}) query parameter off an address. */
    public static RemoteRef parse(String address, String path, int line) {
        int q = address.indexOf('?');
        if (q < 0) {
            return new RemoteRef(address, "", path, line);
        }
        String ref = "";
        StringBuilder others = new StringBuilder();
        for (String param : address.substring(q + 1).split("&")) {
            if (param.startsWith("ref=") || param.startsWith("version=")) {
                ref = param.substring(param.indexOf('=') + 1);
            } else if (!param.isEmpty()) {
                others.append(others.length() == 0 ? "?" : "&").append(param);
            }
        }
        return new RemoteRef(address.substring(0, q) + others, ref, path, line);
    }
}
