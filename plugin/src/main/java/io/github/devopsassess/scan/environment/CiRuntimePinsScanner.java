package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.scan.pipeline.CiRuntime;
import io.github.devopsassess.scan.pipeline.CiRuntimes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the runtimes the pipelines build with ({@code actions/setup-java} versions, job images) into runtime pins, so
 * that the runtime-drift check compares CI with the dev container, the tool files, the poms and the production
 * images. It reads the pipeline scanner's facts rather than the pipeline files: parsing stays in one place.
 */
public final class CiRuntimePinsScanner implements Scanner {

    /** {@code setup-<tool>} action names → the runtime names the other pins use. */
    private static final Map<String, String> SETUP_TOOLS = Map.of("java", "java", "node", "node", "python", "python",
            "go", "go", "dotnet", "dotnet", "ruby", "ruby", "terraform", "terraform", "gradle", "gradle");

    @Override
    public String id() {
        return "ci-runtimes";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        CiRuntimes runtimes = facts.find(CiRuntimes.class).orElse(null);
        if (runtimes == null) {
            return;
        }
        List<RuntimePin> pins = new ArrayList<>();
        for (CiRuntime r : runtimes.runtimes()) {
            if (r.at() == null || r.version() == null || r.version().isBlank()) {
                continue;
            }
            if ("image".equals(r.source())) {
                ImageRef ref = ImageRef.parse("ci", r.tool() + ":" + r.version(), r.at().path(), r.at().line());
                pins.addAll(RuntimeImages.pins(ref, RuntimePin.CI));
                continue;
            }
            String runtime = SETUP_TOOLS.get(r.tool().toLowerCase(Locale.ROOT));
            // "file:.nvmrc" defers to a tool file, which is pinned (and compared) on its own
            if (runtime != null && !r.version().startsWith("file:") && r.version().matches("v?\\d+(\\.[\\w-]+)*")) {
                pins.add(new RuntimePin(runtime, r.version().replaceFirst("^v", ""), r.at().path(), r.at().line(),
                        RuntimePin.CI));
            }
        }
        if (!pins.isEmpty()) {
            RuntimePins.add(facts, pins);
        }
    }
}
