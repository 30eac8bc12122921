package io.github.devopsassess.engine;

import io.github.devopsassess.mask.SecretMask;
import io.github.devopsassess.scan.ScanOptions;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Everything one assessment needs, independent of Maven.
 *
 * @param projectDir the project's folder; the repository is found by walking up from it
 * @param repository an explicit clone or bare repository to assess instead, or {@code null}
 * @param ref commit, tag or branch to assess; {@code null} reads the working tree (or HEAD of a bare repository)
 * @param name display name of what is assessed
 * @param rubricFile the team's rubric (a file, or {@code classpath:} and a resource), or {@code null} for the default
 * @param outputTimestamp {@code project.build.outputTimestamp}, used as the date when there is no commit
 * @param options scanner settings
 * @param info progress messages
 * @param warn problems the user should see
 * @param profile the rubric profile to assess with (e.g. {@code library}), or {@code null} for the whole rubric
 */
public record AssessmentRequest(Path projectDir, Path repository, String ref, String name, Path rubricFile,
        String outputTimestamp, ScanOptions options, Consumer<String> info, Consumer<String> warn, String profile) {

    /** What the assessment logs may quote a repository (a parser's error, a commit message): it is masked first. */
    public AssessmentRequest {
        info = masked(info);
        warn = masked(warn);
    }

    /** A request for the whole rubric, without a profile. */
    public AssessmentRequest(Path projectDir, Path repository, String ref, String name, Path rubricFile,
            String outputTimestamp, ScanOptions options, Consumer<String> info, Consumer<String> warn) {
        this(projectDir, repository, ref, name, rubricFile, outputTimestamp, options, info, warn, null);
    }

    private static Consumer<String> masked(Consumer<String> log) {
        return log == null || log instanceof MaskedLog ? log : new MaskedLog(log);
    }

    /** A log that masks secret values before it passes a line on. */
    private record MaskedLog(Consumer<String> log) implements Consumer<String> {
        @Override
        public void accept(String line) {
            log.accept(SecretMask.text(line));
        }
    }

    /** The same request with another profile. */
    public AssessmentRequest withProfile(String profileId) {
        return new AssessmentRequest(projectDir, repository, ref, name, rubricFile, outputTimestamp, options, info,
                warn, profileId);
    }

    /** The same request with another rubric file. */
    public AssessmentRequest withRubric(Path file) {
        return new AssessmentRequest(projectDir, repository, ref, name, file, outputTimestamp, options, info, warn,
                profile);
    }
}
