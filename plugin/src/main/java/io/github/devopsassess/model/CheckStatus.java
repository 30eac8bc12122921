package io.github.devopsassess.model;

/** The result of one check: passed, passed with warnings, failed, or not assessed (no data to decide). */
public enum CheckStatus {
    PASS, WARN, FAIL, NOT_ASSESSED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
