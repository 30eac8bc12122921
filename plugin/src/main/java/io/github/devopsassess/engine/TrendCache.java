package io.github.devopsassess.engine;

import io.github.devopsassess.facts.history.Deployment;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.facts.history.Tag;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.History;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trend's points of the last run, kept beside the history cache, so that a run of the same commit with the same
 * rubric, options, history and plugin re-assesses no past point: each point is a function of exactly those (its tree
 * is read from a commit that cannot change, its history is the mined history cut at its date), so reusing them gives
 * the points a new computation gives. A run with anything different (a new commit, another rubric or threshold, other
 * options, another plugin build, a history mined differently) computes every point again and replaces the file.
 *
 * <p>The key is a SHA-256 of: the plugin's version and the size and time of its jar; the assessed commit, subtree,
 * number of points and largest file read; the rubric as loaded (every area, check, threshold, scoring and level); the
 * scan options (and the pseudonym key's hash); and every commit, merge, tag and deploy marker of the mined history
 * as the checks see them (identities after the mailmap, files with their line counts). A file that is unreadable,
 * corrupt (checksum) or of another format is reported and rebuilt, never trusted.
 */
final class TrendCache {

    private static final String MAGIC = "devops trend cache 1";

    private final Path file;

    private TrendCache(Path file) {
        this.file = file;
    }

    /**
     * The trend cache of one repository and subtree in the cache folder, or none without a folder.
     *
     * @param repository the repository's directory (its identity, as the history cache names its file)
     */
    static Optional<TrendCache> in(Path cacheFolder, Path repository, String subtree) {
        if (cacheFolder == null || repository == null) {
            return Optional.empty();
        }
        String name = repository.toAbsolutePath() + "\n" + subtree;
        return Optional.of(new TrendCache(cacheFolder.resolve("trend-" + sha256Hex(name).substring(0, 16) + ".txt")));
    }

    Path file() {
        return file;
    }

    /** What the points depend on, as one hex string. */
    static String key(String head, String subtree, int points, long maxFileSize, Rubric rubric, ScanOptions options,
            History history) {
        MessageDigest d = sha256();
        update(d, MAGIC);
        update(d, Version.get());
        update(d, codeIdentity());
        update(d, head);
        update(d, subtree);
        update(d, Integer.toString(points));
        update(d, Long.toString(maxFileSize));
        update(d, rubric.toString());
        update(d, options.toString());
        update(d, Integer.toString(options.pseudonyms().hashCode()));
        update(d, "shallow=" + history.shallow() + " truncatedAt=" + history.truncatedAt());
        for (MinedCommit c : history.commits()) {
            update(d, c.toString());
        }
        for (Merge m : history.merges()) {
            update(d, m.toString());
        }
        for (Tag t : history.tags()) {
            update(d, t.toString());
        }
        for (Deployment m : history.deployMarkers()) {
            update(d, m.toString());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * The points kept under this key, or empty when there are none (no file, another key).
     *
     * @param warn told when the file exists but cannot be trusted (it is then replaced by this run's points)
     */
    Optional<List<TrendPoint>> read(String key, java.util.function.Consumer<String> warn) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            warn.accept("Trend cache: cannot read " + file + " (" + e.getMessage() + "); the trend is computed again");
            return Optional.empty();
        }
        int last = lines.size() - 1;
        if (lines.size() < 3 || !lines.get(0).equals(MAGIC) || !lines.get(last).startsWith("sum ")
                || !lines.get(last).substring(4).equals(sha256Hex(String.join("\n", lines.subList(0, last))))) {
            warn.accept("Trend cache: " + file + ":" + (lines.isEmpty() || !lines.get(0).equals(MAGIC) ? 1
                    : lines.size()) + ": not a trend cache of this plugin, or corrupt; the trend is computed again");
            return Optional.empty();
        }
        if (!lines.get(1).equals("key " + key)) {
            return Optional.empty(); // another commit, rubric, options or history: not these points
        }
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 2; i < last; i++) {
            try {
                points.add(parse(lines.get(i)));
            } catch (RuntimeException e) {
                warn.accept("Trend cache: " + file + ":" + (i + 1) + ": unreadable point (" + e.getMessage()
                        + "); the trend is computed again");
                return Optional.empty();
            }
        }
        return Optional.of(points);
    }

    /** Keeps the points under the key, replacing the file at once; a failure only costs the next run the reuse. */
    void write(String key, List<TrendPoint> points, java.util.function.Consumer<String> warn) {
        StringBuilder text = new StringBuilder(MAGIC).append("\nkey ").append(key);
        for (TrendPoint p : points) {
            text.append("\npoint\t").append(p.date()).append('\t').append(orDash(p.commit())).append('\t')
                    .append(p.source()).append('\t').append(p.score() == null ? "-" : p.score().toString())
                    .append('\t').append(orDash(p.level())).append('\t');
            String sep = "";
            for (Map.Entry<String, Integer> a : p.areas().entrySet()) {
                text.append(sep).append(a.getKey()).append('=').append(a.getValue());
                sep = ",";
            }
        }
        String sum = sha256Hex(text.toString());
        text.append("\nsum ").append(sum).append('\n');
        try {
            AtomicFiles.write(file, text.toString());
        } catch (IOException e) {
            warn.accept("Trend cache: cannot write " + file + " (" + e.getMessage() + "); the next run computes the"
                    + " trend again");
        }
    }

    private static TrendPoint parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7 || !f[0].equals("point")) {
            throw new IllegalArgumentException("expected 7 tab-separated fields starting with 'point'");
        }
        Map<String, Integer> areas = new LinkedHashMap<>();
        if (!f[6].isEmpty()) {
            for (String pair : f[6].split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("area score '" + pair + "' is not area=score");
                }
                areas.put(pair.substring(0, eq), Integer.valueOf(pair.substring(eq + 1)));
            }
        }
        return new TrendPoint(f[1], fromDash(f[2]), f[3], f[4].equals("-") ? null : Integer.valueOf(f[4]),
                fromDash(f[5]), areas);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String fromDash(String s) {
        return s.equals("-") ? null : s;
    }

    /**
     * The plugin build: its jar's path, size and time, so that a rebuilt snapshot never reuses the points of the
     * build before it. Unknown, it differs from run to run, and nothing is reused.
     */
    private static String codeIdentity() {
        try {
            CodeSource source = TrendCache.class.getProtectionDomain().getCodeSource();
            Path code = Path.of(source.getLocation().toURI());
            return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (Exception unknown) {
            return "unknown " + System.nanoTime();
        }
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = (s == null ? "\u0000null" : s).getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
