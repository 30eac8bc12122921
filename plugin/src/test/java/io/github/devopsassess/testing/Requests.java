package io.github.devopsassess.testing;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.scan.ScanOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Assessment requests for tests, collecting what would be logged. */
public final class Requests {

    private Requests() {
    }

    public static final List<String> NO_LOG = new ArrayList<>();

    public static AssessmentRequest of(Path projectDir) {
        return new AssessmentRequest(projectDir, null, null, "test", null, null, ScanOptions.defaults(), s -> { },
                s -> { });
    }

    public static AssessmentRequest withNames(Path projectDir) {
        ScanOptions o = ScanOptions.defaults();
        return new AssessmentRequest(projectDir, null, null, "test", null, null,
                new ScanOptions(o.botPatterns(), true, o.lineCounts(), o.maxFileSize()), s -> { }, s -> { });
    }
}
