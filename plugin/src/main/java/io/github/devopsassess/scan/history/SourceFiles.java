package io.github.devopsassess.scan.history;

import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.PathDecisions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which files count as source for authorship, in the spirit of GitHub Linguist's language statistics:
 * documentation, vendored, generated and binary or data files say little about who knows the code.
 */
public final class SourceFiles {

    /** Globs over the path relative to the assessed folder. */
    public static final List<String> DEFAULT_EXCLUDES = List.of(
            "docs/**", "doc/**", "**/docs/**", "**/*.md", "**/*.markdown", "**/*.adoc", "**/*.rst", "**/*.txt",
            "**/README*", "README*", "**/LICENSE*", "LICENSE*", "**/CHANGELOG*", "CHANGELOG*", "**/NOTICE*",
            "NOTICE*", "**/vendor/**", "vendor/**", "**/vendors/**", "vendors/**", "**/node_modules/**",
            "**/bower_components/**", "**/third_party/**", "third_party/**", "**/third-party/**", "third-party/**",
            "**/3rd_party/**", "**/3rd-party/**", "**/thirdparty/**", "**/extlib/**",
            // Linguist treats any external/ folder as vendored; only the top-level one is taken here, because
            // src/main/java/…/external/ is more often a package of the team's own code than a copy of someone else's
            "external/**", "extern/**",
            "**/*.min.js", "**/*-min.js", "**/*.min.css", "**/*.js.map", "**/*.css.map", "**/*.min.map",
            "**/*.lock", "**/package-lock.json", "**/yarn.lock",
            "**/pnpm-lock.yaml", "**/go.sum",
            // wrapper scripts a build tool writes ("mvn wrapper:wrapper", "gradle wrapper", JHipster's npmw)
            "**/mvnw", "**/mvnw.cmd", "**/gradlew", "**/gradlew.bat", "**/npmw", "**/npmw.cmd",
            "**/.mvn/wrapper/**", "**/gradle/wrapper/**", "**/target/**", "**/build/**", "**/dist/**", "**/generated/**",
            // this plugin's own records change with every accepted assessment; counting them would let the
            // assessment change itself
            "**/devops-baseline.json*", "**/devops-waivers.yaml", "**/devops-history/**");

    private static final Set<String> BINARY_OR_DATA = Set.of("png", "jpg", "jpeg", "gif", "ico", "svg", "pdf", "zip",
            "jar", "war", "gz", "tgz", "bz2", "xz", "7z", "class", "so", "dll", "exe", "bin", "woff", "woff2", "ttf",
            "eot", "otf", "mp3", "mp4", "mov", "avi", "webm", "wav", "psd", "csv", "tsv", "parquet", "db", "sqlite",
            "keystore", "jks", "p12", "json");

    /** Shared so that its remembered decisions serve every assessment and trend point in the JVM. */
    private static final SourceFiles DEFAULTS = new SourceFiles(DEFAULT_EXCLUDES);

    private final Predicate<String> excluded;
    private final PathDecisions decisions = new PathDecisions(this::classify);

    public SourceFiles(List<String> excludeGlobs) {
        this.excluded = Glob.anyOf(excludeGlobs);
    }

    public static SourceFiles defaults() {
        return DEFAULTS;
    }

    /** The defaults plus the team's own globs (e.g. {@code "**&#47;*.generated.java"}). */
    public static SourceFiles withExtraExcludes(List<String> extra) {
        if (extra.isEmpty()) {
            return DEFAULTS;
        }
        List<String> all = new java.util.ArrayList<>(DEFAULT_EXCLUDES);
        all.addAll(extra);
        return new SourceFiles(all);
    }

    /** @param relativePath path relative to the assessed folder */
    public boolean isSource(String relativePath) {
        return decisions.test(relativePath);
    }

    private boolean classify(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && BINARY_OR_DATA.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        return !excluded.test(relativePath);
    }
}
