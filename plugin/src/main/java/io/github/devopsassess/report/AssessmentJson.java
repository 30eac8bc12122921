package io.github.devopsassess.report;

import io.github.devopsassess.model.Assessment;

import io.github.devopsassess.output.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes {@code assessment.json}: indented, keys of maps sorted, so that two runs diff cleanly. */
public final class AssessmentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AssessmentJson() {
    }

    public static String toJson(Assessment assessment) throws IOException {
        return MAPPER.writeValueAsString(assessment) + "\n";
    }

    public static void write(Assessment assessment, Path file) throws IOException {
        AtomicFiles.write(file, toJson(assessment));
    }

    public static Assessment read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Assessment.class);
    }
}
