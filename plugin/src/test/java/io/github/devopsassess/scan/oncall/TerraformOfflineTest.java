package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Schedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading Terraform never reaches the network, even where a module asks for a URL in a {@code data "http"} block. */
class TerraformOfflineTest {

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a fetch that hangs fails too
    void aDataHttpBlockIsNotFetched(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            AtomicInteger connections = new AtomicInteger();
            AtomicBoolean scanned = new AtomicBoolean();
            Thread listener = new Thread(() -> {
                // bounded: until the scan is over, at most 30 seconds; a connection is closed at once
                for (int i = 0; i < 150 && !scanned.get(); i++) {
                    try (var socket = server.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // nobody came in this slice
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            listener.start();
            Files.createDirectories(dir.resolve("oncall"));
            Files.writeString(dir.resolve("oncall/main.tf"), "data \"http\" \"roster\" {\n  url = \"http://127.0.0.1:"
                    + server.getLocalPort() + "/roster.json\"\n}\n\nresource \"pagerduty_schedule\" \"primary\" {\n"
                    + "  name      = \"Primary\"\n  description = data.http.roster.response_body\n"
                    + "  time_zone = \"Europe/Berlin\"\n  layer {\n    name = \"Weekly\"\n"
                    + "    start = \"2025-01-06T09:00:00+01:00\"\n    rotation_virtual_start = \"2025-01-06T09:00:00+01:00\"\n"
                    + "    rotation_turn_length_seconds = 604800\n    users = [pagerduty_user.ann.id]\n  }\n}\n");
            OnCallFacts model = OnCallFixtures.model(OnCallFixtures.scan(dir, false));
            scanned.set(true);
            listener.join();
            assertThat(connections).hasValue(0);
            assertThat(model.schedules()).extracting(Schedule::name).containsExactly("Primary");
        }
    }
}
