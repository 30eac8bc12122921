package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a fixture folder of src/test/resources/ownership into a temporary folder and scans it. */
final class Fixtures {

    private Fixtures() {
    }

    static Path copy(String fixture, Path target) {
        try {
            Path source = Path.of(Fixtures.class.getResource("/ownership/" + fixture).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Facts scan(Path root, String subtree, Scanner... scanners) {
        ScanContext context = new ScanContext(new WorkingTree(root, subtree, 1 << 20), null, "no history",
                ScanOptions.defaults(), s -> { });
        Facts.Builder facts = Facts.builder();
        for (Scanner s : scanners) {
            s.scan(context, facts);
        }
        return facts.build();
    }
}
