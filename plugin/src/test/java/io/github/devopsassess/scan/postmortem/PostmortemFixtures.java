package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.Postmortem;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies fixture folders from {@code src/test/resources/postmortem} and scans them. */
public final class PostmortemFixtures {

    private PostmortemFixtures() {
    }

    /** Copies the fixture folder {@code postmortem/<name>} into {@code target}. */
    public static Path copy(String name, Path target) {
        try {
            Path source = Path.of(PostmortemFixtures.class.getResource("/postmortem/" + name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scans a working tree with the given history facts (or none) and options. */
    public static Facts scan(Path root, HistoryFacts history, boolean showNames) {
        ScanOptions o = ScanOptions.defaults();
        ScanOptions options = new ScanOptions(o.botPatterns(), showNames, o.lineCounts(), o.maxFileSize());
        Facts.Builder builder = Facts.builder();
        if (history != null) {
            builder.put(HistoryFacts.class, history);
        }
        new PostmortemScanner().scan(new ScanContext(new WorkingTree(root, "", o.maxFileSize()), null,
                "no history in this test", options, s -> { }), builder);
        return builder.build();
    }

    public static Postmortem byName(PostmortemFacts facts, String fragment) {
        List<Postmortem> hits = facts.postmortems().stream().filter(p -> p.path().contains(fragment)).toList();
        if (hits.size() != 1) {
            throw new AssertionError("expected one postmortem matching " + fragment + " but got " + hits);
        }
        return hits.get(0);
    }
}
