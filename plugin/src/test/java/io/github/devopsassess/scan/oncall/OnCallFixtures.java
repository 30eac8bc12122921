package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a fixture folder from test resources into a temporary folder and scans it. */
public final class OnCallFixtures {

    private OnCallFixtures() {
    }

    public static Facts scan(String fixture, Path dir) {
        try {
            Path source = Path.of(OnCallFixtures.class.getResource("/oncall/" + fixture).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(source.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return scan(dir, true);
    }

    /** Scans a folder; the fixtures' assertions read real names, so names are shown unless asked otherwise. */
    /** The pseudonym key of these scans, so that tests can name the pseudonyms they expect. */
    public static final io.github.devopsassess.facts.Pseudonyms KEY =
            io.github.devopsassess.facts.Pseudonyms.keyed("on-call fixtures");

    public static Facts scan(Path dir, boolean showNames) {
        Facts.Builder builder = Facts.builder();
        new OnCallScanner().scan(new ScanContext(new WorkingTree(dir, "", 1 << 20), null, "no history in tests",
                ScanOptions.defaults().withShowNames(showNames).withPseudonyms(KEY), s -> { }), builder);
        return builder.build();
    }

    public static OnCallFacts model(Facts facts) {
        return facts.find(OnCallFacts.class).orElseThrow();
    }
}
