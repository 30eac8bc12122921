package io.github.devopsassess.gate;

import io.github.devopsassess.output.StableJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the baseline file; writes only when the content changed, keeping the previous one as .bak. */
public final class BaselineStore {

    private static final ObjectMapper MAPPER = StableJson.newMapper();

    private BaselineStore() {
    }

    /**
     * @return the baseline, or empty when the file does not exist
     * @throws IOException with the file and line when the file is not a baseline
     */
    public static Optional<Baseline> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Baseline b = MAPPER.readValue(file.toFile(), Baseline.class);
            if (b.areas() == null || b.findings() == null) {
                throw new IOException(file + " is not a devops baseline (no 'areas' or 'findings')");
            }
            return Optional.of(b);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IOException(file + where + ": not a readable baseline: " + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(Baseline baseline) throws IOException {
        return MAPPER.writeValueAsString(baseline) + "\n";
    }

    /**
     * Writes the baseline when its content differs from the file's.
     *
     * @return true when the file was written
     */
    public static boolean write(Baseline baseline, Path file) throws IOException {
        String json = toJson(baseline);
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(json)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isRegularFile(file)) {
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
        io.github.devopsassess.output.AtomicFiles.write(file, json);
        return true;
    }
}
