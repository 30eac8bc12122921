package io.github.devopsassess.scan;

import java.util.List;

/**
 * Settings that shape what scanners see.
 *
 * @param botPatterns case-insensitive substrings of a name or e-mail that mark an automated author
 * @param showNames show people's names; when false they appear as stable pseudonyms
 * @param lineCounts mine lines added and removed (slower) in addition to which files each commit touched
 * @param maxFileSize largest file read, in bytes
 * @param customFiles globs (relative to the assessed folder) of the files whose contents the rubric's custom checks
 *     examine ({@code yaml-path}, {@code json-path}); the engine fills them in from the rubric and the
 *     {@code custom} scanner reads exactly those files
 * @param productionPatterns words that mark an environment or deploy job as production (empty: the defaults
 *     {@code prod}, {@code production}, {@code live}, {@code prd})
 */
public record ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize,
        List<String> customFiles, List<String> productionPatterns) {

    public static final List<String> DEFAULT_BOTS = List.of("[bot]", "dependabot", "renovate", "github-actions",
            "noreply@github.com>bot");

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_BOTS, false, true, 8L * 1024 * 1024);
    }

    public ScanOptions {
        botPatterns = List.copyOf(botPatterns);
        customFiles = customFiles == null ? List.of() : List.copyOf(customFiles);
        productionPatterns = productionPatterns == null ? List.of() : List.copyOf(productionPatterns);
    }

    /** Options without custom files to read and with the default production patterns. */
    public ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize) {
        this(botPatterns, showNames, lineCounts, maxFileSize, List.of(), List.of());
    }

    /** The same options, reading the given files for custom checks. */
    public ScanOptions withCustomFiles(List<String> globs) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, globs, productionPatterns);
    }

    /** The same options with other production words. */
    public ScanOptions withProductionPatterns(List<String> words) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, customFiles, words);
    }
}
