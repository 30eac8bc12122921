package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.testing.FixtureScan;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.WorkingTree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Copies a fixture folder from {@code src/test/resources/pipeline/} into a temporary folder and scans it. */
public final class PipelineFixtures {

    private PipelineFixtures() {
    }

    public static Facts scan(String fixture, Path dir) {
        return scan(fixture, dir, List.of());
    }

    public static Facts scan(String fixture, Path dir, List<String> productionPatterns) {
        copy(fixture, dir);
        return scanFolder(dir, productionPatterns);
    }

    /** Scans the pipelines of a folder a test wrote itself. */
    public static Facts scanFolder(Path dir, List<String> productionPatterns) {
        ScanOptions d = ScanOptions.defaults();
        ScanOptions options = new ScanOptions(d.botPatterns(), false, false, d.maxFileSize()).withProductionPatterns(productionPatterns);
        Facts.Builder facts = Facts.builder();
        new PipelineScanner().scan(new ScanContext(new WorkingTree(dir, "", d.maxFileSize()), null, "no history",
                options, s -> { }), facts);
        return facts.build();
    }

    /** Writes a GitHub workflow {@code .github/workflows/<name>} into a folder a test scans itself. */
    public static void writeWorkflow(Path dir, String name, String text) {
        Path p = dir.resolve(".github/workflows").resolve(name);
        try {
            java.nio.file.Files.createDirectories(p.getParent());
            java.nio.file.Files.writeString(p, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void copy(String fixture, Path dir) {
        FixtureScan.copy("/pipeline/" + fixture, dir);
    }

    public static Workflow workflow(Facts facts, String path) {
        return facts.find(PipelineFacts.class).orElseThrow().workflow(path).orElseThrow();
    }

    public static Job job(Facts facts, String path, String id) {
        return workflow(facts, path).job(id).orElseThrow();
    }
}
