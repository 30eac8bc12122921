package io.github.devopsassess.portfolio;

import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.output.StableJson;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Writes {@code portfolio.json} and reads a previous one back. */
public final class PortfolioJson {

    private PortfolioJson() {
    }

    public static void write(Portfolio portfolio, Path file) throws IOException {
        AtomicFiles.write(file, StableJson.newMapper().writeValueAsString(portfolio) + "\n");
    }

    /**
     * Reads a portfolio written by {@link #write}.
     *
     * @throws IOException naming the file, and the line when the JSON is malformed, when it cannot be read or is not
     *     a portfolio of this schema version
     */
    public static Portfolio read(Path file) throws IOException {
        Portfolio p;
        try {
            p = StableJson.newMapper().readValue(file.toFile(), Portfolio.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(file + (at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("not JSON"), e);
        }
        if (p == null || p.schemaVersion() != Portfolio.SCHEMA_VERSION) {
            throw new IOException(file + ": not a portfolio of schema version " + Portfolio.SCHEMA_VERSION);
        }
        return p;
    }
}
