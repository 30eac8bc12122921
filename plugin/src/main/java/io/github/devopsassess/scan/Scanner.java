package io.github.devopsassess.scan;

import io.github.devopsassess.facts.Facts;

/**
 * Reads one kind of input into facts. A scanner parses and never scores; a problem with an input is recorded with
 * {@link Facts.Builder#problem}, never thrown, so one bad file does not stop the assessment.
 */
public interface Scanner {

    /** Short id for logs, e.g. "history". */
    String id();

    void scan(ScanContext context, Facts.Builder facts);
}
