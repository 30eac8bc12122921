package io.github.devopsassess.maven;

import io.github.devopsassess.engine.AssessmentException;
import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.history.HistoryOptions;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The base of the goals that assess a repository ({@code assess}, {@code baseline}): what to read and how to mine
 * it. It turns these parameters into an {@link AssessmentRequest}; the engine does the rest.
 */
public abstract class AbstractScanningMojo extends AbstractDevopsMojo {

    /**
     * A clone or bare repository to assess instead of the current project. Files are read from a commit through
     * JGit; nothing is checked out or changed. Works without a {@code pom.xml}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.repository")
    protected File repository;

    /**
     * The commit, tag or branch to assess. By default the project's working tree is read, uncommitted changes
     * included (or HEAD of {@code devops.repository}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.ref")
    protected String ref;

    /**
     * The rubric: a file (relative to the project's folder), {@code default}, or {@code classpath:} and a resource
     * of a plugin dependency. A team's rubric usually {@code extends: default} and changes thresholds or weights.
     * Empty uses the default rubric.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.rubric")
    protected String rubric;

    /**
     * A profile of the rubric: a named subset of its checks for one kind of project. The default rubric has
     * {@code service} (everything), {@code library} (no on-call, incident or environment checks) and
     * {@code infrastructure}. Empty assesses with the whole rubric.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.profile")
    protected String profile;

    /**
     * Where {@code assessment.json}, the site and the other outputs are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.output", defaultValue = "${project.build.directory}/devops")
    protected File output;

    /**
     * Show people's names in the report. By default people appear as stable pseudonyms: the report is about
     * practices, not about blaming individuals.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.showNames", defaultValue = "false")
    protected boolean showNames;

    /**
     * The secret key of people's pseudonyms (HMAC-SHA256 of each person's identity). Without the key nobody can map a
     * pseudonym back to an e-mail from {@code git log}. Empty (the default): a random key is made once and kept beside
     * the history cache ({@code devops.cache}/pseudonym.key), never in the outputs, so pseudonyms stay the same while
     * the cache is kept. Set it from a CI secret for the same pseudonyms on every runner and in every run, and the same
     * key for every repository of a portfolio ({@code aggregate}) so that one person is one pseudonym across them;
     * pass it from the environment (e.g. a property {@code ${env.DEVOPS_PSEUDONYM_KEY}}) rather than committing it.
     * Changing it changes every pseudonym but no finding's fingerprint. Not used when {@code devops.showNames} is on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.pseudonymKey")
    protected String pseudonymKey;

    /**
     * Case-insensitive fragments of "name &lt;e-mail&gt;" that mark automated authors, which own nothing. Empty means
     * the defaults: GitHub apps ({@code [bot]}), update bots (dependabot, renovate, updatecli, snyk…), CI accounts
     * ({@code -ci <}, {@code bot <}, {@code robot}), GitOps controllers (Flux) and GitHub's web-merge committer
     * ({@code <noreply@github.com>}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.bots")
    protected List<String> bots;

    /**
     * Mine lines added and removed per file: {@code auto} (only when an enabled check needs them), {@code true}
     * (always, slower) or {@code false} (never; such checks fall back to commit counts). File touches alone, read
     * from tree diffs, suffice for most history checks.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.lineCounts", defaultValue = "auto")
    protected String lineCounts;

    /**
     * Folder of the per-commit history cache: the next run mines only commits that are not in it. It also keeps the
     * trend's points of the last run, reused when the same commit is assessed again with the same rubric, options and
     * plugin. A corrupt or foreign cache file is detected and rebuilt. Keep it between CI runs (for example with a
     * cache step).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.cache", defaultValue = "${project.build.directory}/devops/cache")
    protected File cache;

    /**
     * A YAML file, relative to the assessed folder, that maps each person to their other names and e-mails:
     * {@code alice@example.org: [alice@old.example.com, "Alice Smith"]}. Applied after {@code .mailmap}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.identities")
    protected String identities;

    /**
     * Glob over tag names that mark releases, for deployment frequency and lead time.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.releaseTags", defaultValue = "v*")
    protected String releaseTags;

    /**
     * A Java regular expression that marks deploy commits, for teams that deploy from the main branch without tags:
     * a commit on the first-parent chain of the assessed commit whose subject line contains a match
     * (case-insensitive) is a deployment, for deployment frequency, lead time and change failure rate, together with
     * the release tags (a tagged marker commit counts once). Examples: {@code \[deploy\]},
     * {@code ^deploy: production}, {@code ^Release \d+\.\d+}. Empty (the default) uses release tags only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.deployMarkers")
    protected String deployMarkers;

    /**
     * History mining workers; 0 chooses by the number of cores and the size of the history.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.historyThreads", defaultValue = "0")
    protected int historyThreads;

    /**
     * Globs of files that do not count as source for authorship, in addition to the defaults (documentation,
     * vendored, generated, binary and data files).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.sourceExcludes")
    protected List<String> sourceExcludes;

    /**
     * Files larger than this many bytes are skipped with a message instead of being read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.maxFileSize", defaultValue = "8388608")
    protected long maxFileSize;

    /**
     * Words that mark an environment or deploy job as production (matched against whole words of its name).
     * Empty means the defaults: {@code prod}, {@code production}, {@code live}, {@code prd}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.productionPatterns")
    protected List<String> productionPatterns;

    /**
     * The assessed repository as {@code owner/name} on its forge (e.g. {@code acme/shop}), so that actions and
     * reusable workflows of the team's own organisation are not taken for a third party's. Empty means: read it from
     * the {@code origin} remote's URL; without one, every organisation counts as a third party.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.repositoryName")
    protected String repositoryName;

    /**
     * The date of the assessment when there is no commit to take it from; never the clock.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
    protected String outputTimestamp;

    /**
     * Run in every module of a multi-module build. By default a module is skipped when a parent project in the same
     * build runs the goal too, so that a repository is assessed and gated once, at the top.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devops.perModule", defaultValue = "false")
    protected boolean perModule;

    /** This goal's execution, to find whether a parent project in the build runs it too. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Override
    protected final void executeMojo() throws MojoExecutionException, MojoFailureException {
        output = resolve(output, "target/devops");
        cache = cache == null || cache.getPath().contains("${") || cache.getPath().startsWith("null")
                ? new File(output, "cache") : resolve(cache, "target/devops/cache");
        if (!perModule && repository == null) {
            Optional<MavenProject> covering = Reactor.coveringAncestor(project, session, mojoExecution);
            if (covering.isPresent()) {
                getLog().info("Skipping: " + covering.get().getName() + " runs this goal for the whole repository"
                        + " (set devops.perModule=true to run it in every module)");
                return;
            }
        }
        executeScan();
    }

    /** The goal's work after the module check. */
    protected abstract void executeScan() throws MojoExecutionException, MojoFailureException;

    protected RubricReference rubricReference() {
        return RubricReference.of(rubric, baseDir());
    }

    /** @param trendPoints past points to re-assess for the trend page; 0 for none */
    protected Assessor.Outcome assess(int trendPoints) throws MojoExecutionException {
        String counts = lineCounts == null ? "auto" : lineCounts.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "true", "false").contains(counts)) {
            throw new MojoExecutionException("devops.lineCounts '" + lineCounts + "' is not one of auto, true, false");
        }
        HistoryOptions history;
        try {
            history = new HistoryOptions("true".equals(counts) ? HistoryOptions.LineCounts.ALWAYS
                    : "false".equals(counts) ? HistoryOptions.LineCounts.NEVER : HistoryOptions.LineCounts.AUTO,
                    cache == null ? null : cache.toPath(), historyThreads, releaseTags, identities,
                    sourceExcludes == null ? List.of() : sourceExcludes, deployMarkers);
        } catch (IllegalArgumentException invalid) {
            // the message names the parameter and the fault; the regex parser's stack trace would not help
            throw new MojoExecutionException(invalid.getMessage());
        }
        ScanOptions options = new ScanOptions(bots == null || bots.isEmpty() ? ScanOptions.DEFAULT_BOTS : bots,
                showNames, !"false".equals(counts), maxFileSize, history).withProductionPatterns(productionPatterns)
                .withRepositoryName(repositoryName);
        if (pseudonymKey != null && !pseudonymKey.isBlank()) {
            options = options.withPseudonyms(Pseudonyms.keyed(pseudonymKey));
        }
        String name = repository != null ? repository.getAbsoluteFile().getName().replaceFirst("\\.git$", "")
                : project != null && project.getName() != null ? project.getName()
                : project != null ? project.getArtifactId() : baseDir().getName();
        AssessmentRequest request = new AssessmentRequest(baseDir().toPath(),
                repository == null ? null : repository.toPath(), ref, name, rubricReference().forRequest(),
                outputTimestamp, options, getLog()::info, getLog()::warn, profile);
        try {
            return new Assessor().assess(request, trendPoints);
        } catch (AssessmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
