package io.github.devopsassess.engine;

/** The assessment cannot run at all (unreadable rubric, a repository that does not exist). */
public final class AssessmentException extends Exception {
    public AssessmentException(String message, Throwable cause) {
        super(message, cause);
    }

    public AssessmentException(String message) {
        super(message);
    }
}
