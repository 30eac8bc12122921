package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Pseudonyms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default key: made once beside the history cache, read on every later run, never the user's to lose. */
class PseudonymKeyTest {

    @Test
    void aKeyIsMadeOnceBesideTheCacheAndReadOnLaterRuns(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("target/devops/cache");
        List<String> warnings = new ArrayList<>();
        Pseudonyms first = PseudonymKey.resolve(Pseudonyms.ephemeral(), cache, warnings::add);
        Pseudonyms second = PseudonymKey.resolve(Pseudonyms.ephemeral(), cache, warnings::add);
        assertThat(first.chosen()).isTrue();
        assertThat(second.of("alice@shop.example")).isEqualTo(first.of("alice@shop.example"));
        Path file = cache.resolve(PseudonymKey.FILE);
        assertThat(Files.readString(file)).matches("[0-9a-f]{64}\n");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(warnings).isEmpty();
        assertThat(PseudonymKey.resolve(Pseudonyms.ephemeral(), dir.resolve("elsewhere"), warnings::add)
                .of("alice@shop.example")).as("another cache, another key").isNotEqualTo(first.of("alice@shop.example"));
    }

    @Test
    void aChosenKeyWinsAndWritesNothing(@TempDir Path dir) {
        Pseudonyms chosen = Pseudonyms.keyed("ci secret");
        assertThat(PseudonymKey.resolve(chosen, dir, s -> { })).isSameAs(chosen);
        assertThat(dir.resolve(PseudonymKey.FILE)).doesNotExist();
    }

    @Test
    void withoutACacheTheKeyLastsOneRun() {
        Pseudonyms ephemeral = Pseudonyms.ephemeral();
        assertThat(PseudonymKey.resolve(ephemeral, null, s -> { })).isSameAs(ephemeral);
    }

    @Test
    void aBrokenKeyFileIsReportedWithItsLineAndReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(PseudonymKey.FILE);
        Files.writeString(file, "not a key\n");
        List<String> warnings = new ArrayList<>();
        Pseudonyms p = PseudonymKey.resolve(Pseudonyms.ephemeral(), dir, warnings::add);
        assertThat(warnings).singleElement().asString().startsWith(file + ":1: ")
                .contains("expected 64 hex digits").contains("devops.pseudonymKey");
        assertThat(Files.readString(file)).matches("[0-9a-f]{64}\n");
        assertThat(PseudonymKey.resolve(Pseudonyms.ephemeral(), dir, warnings::add).of("x")).isEqualTo(p.of("x"));
        assertThat(warnings).hasSize(1);
    }
}
