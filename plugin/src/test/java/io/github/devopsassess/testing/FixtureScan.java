package io.github.devopsassess.testing;

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

/** Copies a fixture folder of the test resources into a temporary folder, and runs one scanner over it. */
public final class FixtureScan {

    private FixtureScan() {
    }

    /** @param resource the folder under the test resources, such as {@code /alerting/mixed} */
    public static Facts scan(String resource, Path dir, Scanner scanner) {
        copy(resource, dir);
        Facts.Builder builder = Facts.builder();
        scanner.scan(new ScanContext(new WorkingTree(dir, "", 8L * 1024 * 1024), null, "no history in this test",
                ScanOptions.defaults(), s -> { }), builder);
        return builder.build();
    }

    /** Copies the folder {@code resource} of the test resources, with its subfolders, into {@code dir}. */
    public static void copy(String resource, Path dir) {
        try {
            Path source = Path.of(FixtureScan.class.getResource(resource).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(source.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
