package io.github.devopsassess.facts.history;

import java.util.Map;

/**
 * Each live source file's history (who changed it and how much), replayed by the analysis stage once per assessment.
 *
 * @param files live file → its history, for files that have one, in tree order
 */
public record FileHistories(Map<String, FileStats> files) {

    public FileHistories {
        files = java.util.Collections.unmodifiableMap(files);
    }
}
