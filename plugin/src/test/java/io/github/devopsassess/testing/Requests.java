package io.github.devopsassess.testing;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.scan.ScanOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /**
     * {@link #withNames} with a team rubric that extends the default one and turns on {@code checks} that are off by
     * default, as a team would (the rubric is written to a temporary file outside the assessed folder).
     */
    public static AssessmentRequest withChecksOn(Path projectDir, String... checks) {
        StringBuilder rubric = new StringBuilder("version: 1\nextends: default\nchecks:\n");
        for (String id : checks) {
            rubric.append("  ").append(id).append(": { enabled: true }\n");
        }
        try {
            Path file = Files.createTempFile("devops-rubric", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, rubric);
            return withNames(projectDir).withRubric(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
