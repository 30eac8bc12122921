package io.github.devopsassess.scan.supplychain;

import io.github.devopsassess.facts.supplychain.RemoteSource.RefKind;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where remote code comes from and at which reference: git URLs in the forms Terraform, kustomize, pip, npm
 * and git accept ({@code git::https://host/o/r.git//sub?ref=x}, {@code git@host:o/r.git}, {@code github.com/o/r},
 * {@code git+https://host/o/r.git@x}, {@code github:o/r#x}), raw files and archives on GitHub and GitLab
 * ({@code raw.githubusercontent.com/o/r/<ref>/…}, {@code /archive/refs/tags/<tag>.zip},
 * {@code /releases/download/<tag>/…}), and what kind of reference a name is.
 */
final class RemoteRefs {

    /** Names that are branches (or moving pointers) by convention. */
    private static final Set<String> BRANCHES = Set.of("main", "master", "develop", "development", "dev", "trunk",
            "head", "latest", "stable", "nightly", "edge", "default");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    /** An abbreviated commit id: hex only, with a digit and a letter, 7 to 39 characters. */
    private static final Pattern SHORT_SHA = Pattern.compile("(?=.*\\d)(?=.*[a-f])[0-9a-f]{7,39}");
    /** A version tag: {@code v1.2.3}, {@code 1.2}, {@code v3}, {@code 2.10.0-rc1}, {@code module/v1.2.0}. */
    private static final Pattern VERSION = Pattern.compile("(?:[\\w./-]+[/@-])?v?\\d+(?:\\.\\d+)*(?:[-+][\\w.]+)?");
    /** Names that look versioned but are branches by convention: {@code release-1.2}, {@code release/1.x}. */
    private static final Pattern RELEASE_BRANCH = Pattern.compile("(?i)(release|rel|branch|hotfix|feature)[-/_].*");
    private static final Pattern REMOTE_BRANCH = Pattern.compile("(?:refs/heads/|refs/remotes/[^/]+/|origin/"
            + "|upstream/)(.+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{|\\$\\(|\\$[A-Za-z_]|\\{\\{|%\\{");
    private static final Pattern RAW_GITHUB = Pattern.compile(
            "raw\\.githubusercontent\\.com/([^/]+)/([^/]+)/(?:refs/(heads|tags)/)?([^/]+)/.*");
    private static final Pattern FORGE_FILE = Pattern.compile(
            "((?:github\\.com|gitlab\\.com)/[^/]+/[^/]+)(?:/-)?/(?:raw|blob)/(?:refs/(heads|tags)/)?([^/]+)/.*");
    private static final Pattern ARCHIVE = Pattern.compile(
            "(github\\.com/[^/]+/[^/]+)/archive/(?:refs/(heads|tags)/)?(.+?)\\.(?:zip|tar\\.gz|tgz)");
    private static final Pattern CODELOAD = Pattern.compile(
            "codeload\\.github\\.com/([^/]+)/([^/]+)/(?:zip|tar\\.gz|legacy\\.tar\\.gz)/(?:refs/(heads|tags)/)?(.+)");
    private static final Pattern RELEASE_ASSET = Pattern.compile(
            "(github\\.com/[^/]+/[^/]+)/releases/(?:download/([^/]+)|(latest)/download)/.*");
    /** A version in an archive's path or name ({@code /v1.2.3/}, {@code vpc-1.2.0.zip}). */
    private static final Pattern VERSION_IN_PATH = Pattern.compile("[/_-](v?\\d+\\.\\d+(?:\\.\\d+)?)(?=[/._-]|$)");

    private RemoteRefs() {
    }

    /**
     * Where a URL points and at which reference.
     *
     * @param target host/owner/repo for a forge, else the URL without scheme and query
     * @param owner the forge owner, or {@code null}
     * @param ref the reference, or {@code null}
     * @param kind what the reference is
     */
    record Location(String target, String owner, String ref, RefKind kind) {
    }

    /** What kind of reference a git ref or version name is; {@code null} is no reference. */
    static RefKind classify(String ref) {
        if (ref == null || ref.isBlank()) {
            return RefKind.NONE;
        }
        String r = ref.strip();
        if (VARIABLE.matcher(r).find()) {
            return RefKind.VARIABLE;
        }
        if (r.startsWith("refs/tags/")) {
            return classify(r.substring(10)) == RefKind.COMMIT ? RefKind.COMMIT : RefKind.VERSION;
        }
        Matcher remote = REMOTE_BRANCH.matcher(r);
        if (remote.matches()) {
            return RefKind.BRANCH; // origin/x, refs/heads/x, refs/remotes/origin/x: a branch whatever its name
        }
        String lower = r.toLowerCase(Locale.ROOT);
        if (SHA.matcher(lower).matches() || SHORT_SHA.matcher(r).matches()) {
            return RefKind.COMMIT;
        }
        if (BRANCHES.contains(lower)) {
            return RefKind.BRANCH;
        }
        if (RELEASE_BRANCH.matcher(r).matches()) {
            return RefKind.NAME;
        }
        return VERSION.matcher(r).matches() ? RefKind.VERSION : RefKind.NAME;
    }

    /**
     * A version constraint of a registry module or an npm {@code semver:} range: an exact version or one bounded
     * above ({@code ~> 3.0}, {@code >= 1.0, < 2.0}, {@code ^1.2}) is a version; {@code >= 1.0} alone or {@code *} is
     * an open range; none is none.
     */
    static RefKind constraint(String constraint) {
        if (constraint == null || constraint.isBlank()) {
            return RefKind.NONE;
        }
        String c = constraint.strip();
        if (VARIABLE.matcher(c).find()) {
            return RefKind.VARIABLE;
        }
        if (c.equals("*") || c.equalsIgnoreCase("latest") || c.equalsIgnoreCase("x")) {
            return RefKind.RANGE;
        }
        boolean lower = c.contains(">");
        boolean upper = c.contains("<") || c.contains("~") || c.contains("^");
        return lower && !upper ? RefKind.RANGE : RefKind.VERSION;
    }

    /**
     * Reads a git or archive URL. {@code ?ref=}, {@code ?version=} (kustomize), {@code #ref} (npm, Docker) and
     * {@code @ref} after the path (pip) give the reference; a forge's raw, blob, archive and release URLs carry it in
     * the path.
     */
    static Location url(String raw) {
        String u = raw.strip();
        u = stripPrefix(u, "git::");
        u = stripPrefix(u, "git+");
        u = stripPrefix(u, "hg+");
        u = stripPrefix(u, "s3::");
        u = stripPrefix(u, "gcs::");
        u = u.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        String ref = null;
        String fragment = null;
        int hash = u.indexOf('#');
        if (hash >= 0) {
            fragment = u.substring(hash + 1);
            u = u.substring(0, hash);
        }
        int query = u.indexOf('?');
        if (query >= 0) {
            for (String param : u.substring(query + 1).split("&")) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                if ((key.equals("ref") || key.equals("version") || key.equals("tag") || key.equals("branch")
                        || key.equals("commit") || key.equals("rev")) && eq > 0) {
                    ref = param.substring(eq + 1);
                }
            }
            u = u.substring(0, query);
        }
        // user info (git@github.com:o/r, user@host/…) and the scp-like colon
        int slash = u.indexOf('/');
        int at = u.indexOf('@');
        if (at >= 0 && (slash < 0 || at < slash)) {
            u = u.substring(at + 1);
            slash = u.indexOf('/');
        }
        int colon = u.indexOf(':');
        if (colon >= 0 && (slash < 0 || colon < slash) && !u.substring(colon + 1).matches("\\d+(/.*)?")) {
            u = u.substring(0, colon) + "/" + u.substring(colon + 1);
        }
        if (ref == null && fragment != null && !fragment.isBlank() && !fragment.startsWith("egg=")
                && !fragment.startsWith("subdirectory=")) {
            ref = fragment.startsWith("semver:") ? null : fragment;
            if (fragment.startsWith("semver:")) {
                return forge(u, fragment.substring(7), constraint(fragment.substring(7)));
            }
        }
        // pip: host/o/r.git@ref
        int pipAt = u.lastIndexOf('@');
        if (ref == null && pipAt > u.indexOf('/') && u.indexOf('/') > 0) {
            ref = u.substring(pipAt + 1);
            u = u.substring(0, pipAt);
        }
        Matcher m = RAW_GITHUB.matcher(u);
        if (m.matches()) {
            return new Location("github.com/" + m.group(1) + "/" + repo(m.group(2)), m.group(1), m.group(4),
                    pathKind(m.group(3), m.group(4)));
        }
        m = FORGE_FILE.matcher(u);
        if (m.matches()) {
            return forge(m.group(1), m.group(3), pathKind(m.group(2), m.group(3)));
        }
        m = ARCHIVE.matcher(u);
        if (m.matches()) {
            return forge(m.group(1), m.group(3), pathKind(m.group(2), m.group(3)));
        }
        m = CODELOAD.matcher(u);
        if (m.matches()) {
            return forge("github.com/" + m.group(1) + "/" + m.group(2), m.group(4), pathKind(m.group(3), m.group(4)));
        }
        m = RELEASE_ASSET.matcher(u);
        if (m.matches()) {
            return m.group(3) != null ? forge(m.group(1), "latest", RefKind.BRANCH)
                    : forge(m.group(1), m.group(2), RefKind.VERSION);
        }
        if (ref == null && archive(u)) {
            Matcher v = VERSION_IN_PATH.matcher(u);
            String version = null;
            while (v.find()) {
                version = v.group(1);
            }
            return new Location(u, null, version, version == null ? RefKind.NONE : RefKind.VERSION);
        }
        return forge(u, ref, classify(ref));
    }

    /** A forge URL {@code host/owner/repo[.git][//sub][/more]} reduced to {@code host/owner/repo}. */
    private static Location forge(String hostPath, String ref, RefKind kind) {
        String p = hostPath.replaceFirst("//.*$", "");
        String[] parts = p.split("/");
        if (parts.length >= 3 && parts[0].contains(".")) {
            String host = parts[0].toLowerCase(Locale.ROOT);
            boolean nested = host.contains("gitlab") && parts.length > 3 && !parts[3].equals("-");
            String target = host + "/" + parts[1] + "/" + repo(parts[2]);
            if (nested) { // GitLab groups nest: keep the path up to the project
                target = host + "/" + String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length))
                        .replaceFirst("\\.git$", "");
            }
            return new Location(target, parts[1], ref, kind);
        }
        return new Location(p.replaceFirst("\\.git$", ""), null, ref, kind);
    }

    private static RefKind pathKind(String headsOrTags, String ref) {
        if ("heads".equals(headsOrTags)) {
            return RefKind.BRANCH;
        }
        RefKind k = classify(ref);
        return "tags".equals(headsOrTags) && k != RefKind.COMMIT ? RefKind.VERSION : k;
    }

    private static String repo(String name) {
        return name.replaceFirst("\\.git$", "");
    }

    private static boolean archive(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        return l.endsWith(".zip") || l.endsWith(".tar.gz") || l.endsWith(".tgz") || l.endsWith(".tar.bz2")
                || l.endsWith(".tar.xz") || l.endsWith(".tar");
    }

    private static String stripPrefix(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length()) ? s.substring(prefix.length()) : s;
    }
}
