package io.github.devopsassess.portfolio;

import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.output.StableJson;

import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code portfolio.json}. */
public final class PortfolioJson {

    private PortfolioJson() {
    }

    public static void write(Portfolio portfolio, Path file) throws IOException {
        AtomicFiles.write(file, StableJson.newMapper().writeValueAsString(portfolio) + "\n");
    }
}
