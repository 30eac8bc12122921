package io.github.devopsassess.scan;

import io.github.devopsassess.scan.custom.CustomFilesScanner;
import io.github.devopsassess.scan.history.HistoryScanner;
import io.github.devopsassess.scan.pipeline.PipelineScanner;

import java.util.List;

/** The scanners of this version, in the order they run. */
public final class Scanners {

    private Scanners() {
    }

    public static List<Scanner> all() {
        return List.of(new TreeScanner(), new HistoryScanner(), new PipelineScanner(), new CustomFilesScanner());
    }
}
