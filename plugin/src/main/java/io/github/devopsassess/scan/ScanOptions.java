package io.github.devopsassess.scan;

import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.scan.history.HistoryOptions;

import java.util.List;

/**
 * Settings that shape what scanners see.
 *
 * @param botPatterns case-insensitive substrings of a name or e-mail that mark an automated author
 * @param showNames show people's names; when false they appear as stable pseudonyms
 * @param lineCounts false forbids mining lines added and removed; when true, {@code history.lineCounts()} decides
 * @param maxFileSize largest file read, in bytes
 * @param history history mining and analysis settings
 * @param customFiles globs (relative to the assessed folder) of the files whose contents the rubric's custom checks
 *     examine ({@code yaml-path}, {@code json-path}); the engine fills them in from the rubric and the
 *     {@code custom} scanner reads exactly those files
 * @param productionPatterns words that mark an environment or deploy job as production (empty: the defaults
 *     {@code prod}, {@code production}, {@code live}, {@code prd})
 * @param repositoryName the assessed repository as {@code owner/name} on its forge (from {@code devops.repositoryName}
 *     or the {@code origin} remote), or {@code null} when unknown: what is the team's own (its organisation's
 *     actions and workflows) and what is a third party's
 * @param pseudonyms how people are named when names are not shown; {@link Pseudonyms#ephemeral()} (a key nobody
 *     chose) when {@code null}, which the engine replaces with the key kept beside the history cache
 */
public record ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize,
        HistoryOptions history, List<String> customFiles, List<String> productionPatterns, String repositoryName,
        Pseudonyms pseudonyms) {

    /**
     * Case-insensitive substrings of "name &lt;e-mail&gt;" that mark automated authors, seen in real repositories:
     * GitHub apps ({@code [bot]}), update bots, CI accounts ({@code govuk-ci}, {@code Jenkins Infra Bot}, {@code
     * Kitware Robot}), GitOps controllers (Flux) and GitHub's own web-merge committer ({@code GitHub
     * <noreply@github.com>}).
     */
    public static final List<String> DEFAULT_BOTS = List.of("[bot]", "dependabot", "renovate", "github-actions",
            "<noreply@github.com>", "<action@github.com>", " bot <", " bot (", "-bot <", "-bot@", "_bot@", ".bot@",
            "robot", "-ci <", "-ci@", "ci-bot", "automation <", "updatecli", "fluxcd", "flux <", "flux@",
            "readme-action", "semantic-release", "snyk", "greenkeeper", "weblate", "crowdin", "transifex",
            "pre-commit-ci", "allcontributors", "imgbot", "mergify", "kodiak", "copilot");

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_BOTS, false, true, 8L * 1024 * 1024);
    }

    public ScanOptions {
        botPatterns = List.copyOf(botPatterns);
        history = history == null ? HistoryOptions.defaults() : history;
        customFiles = customFiles == null ? List.of() : List.copyOf(customFiles);
        productionPatterns = productionPatterns == null ? List.of() : List.copyOf(productionPatterns);
        repositoryName = repositoryName == null || repositoryName.isBlank() ? null : repositoryName.trim();
        pseudonyms = pseudonyms == null ? Pseudonyms.ephemeral() : pseudonyms;
    }

    /** Options without a chosen pseudonym key. */
    public ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize,
            HistoryOptions history, List<String> customFiles, List<String> productionPatterns, String repositoryName) {
        this(botPatterns, showNames, lineCounts, maxFileSize, history, customFiles, productionPatterns, repositoryName,
                null);
    }

    /** Default history settings, no custom files, default production words. */
    public ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize) {
        this(botPatterns, showNames, lineCounts, maxFileSize, HistoryOptions.defaults(), List.of(), List.of(), null);
    }

    /** Kept for callers that set history settings only. */
    public ScanOptions(List<String> botPatterns, boolean showNames, boolean lineCounts, long maxFileSize,
            HistoryOptions history) {
        this(botPatterns, showNames, lineCounts, maxFileSize, history, List.of(), List.of(), null);
    }

    public ScanOptions withHistory(HistoryOptions h) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, h, customFiles, productionPatterns,
                repositoryName, pseudonyms);
    }

    public ScanOptions withShowNames(boolean show) {
        return new ScanOptions(botPatterns, show, lineCounts, maxFileSize, history, customFiles, productionPatterns,
                repositoryName, pseudonyms);
    }

    /** The same options, reading the given files for custom checks. */
    public ScanOptions withCustomFiles(List<String> globs) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, history, globs, productionPatterns,
                repositoryName, pseudonyms);
    }

    /** The same options with other production words. */
    public ScanOptions withProductionPatterns(List<String> words) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, history, customFiles, words,
                repositoryName, pseudonyms);
    }

    /** The same options for a repository known as {@code owner/name} ({@code null}: unknown). */
    public ScanOptions withRepositoryName(String name) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, history, customFiles,
                productionPatterns, name, pseudonyms);
    }

    /** The same options naming people with these pseudonyms. */
    public ScanOptions withPseudonyms(Pseudonyms p) {
        return new ScanOptions(botPatterns, showNames, lineCounts, maxFileSize, history, customFiles,
                productionPatterns, repositoryName, p);
    }

    /** Whether history mining computes line counts, given whether an enabled check needs them. */
    public boolean mineLineCounts(boolean neededByChecks) {
        if (!lineCounts) {
            return false;
        }
        return switch (history.lineCounts()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> neededByChecks;
        };
    }
}
