package io.github.devopsassess.facts.pipeline;

/** What a step does, as far as its name, command or action tells. A step may have several roles. */
public enum StepRole {
    TEST, DEPLOY, ROLLBACK, NOTIFY, RELEASE, SKIPS_TESTS,
    /**
     * Uploads a release to a package registry its users install from (PyPI, npm, crates.io, RubyGems, NuGet, Maven
     * Central, the Gradle plugin portal): for a library, the registry is production.
     */
    PUBLISH,
    /**
     * Writes the notes of a release: a generator (release-please, release-drafter, changesets, semantic-release,
     * git-cliff, goreleaser, JReleaser, towncrier), GitHub's generated notes ({@code generate_release_notes},
     * {@code gh release create --generate-notes}) or a release created with a body or notes file. A bare
     * {@code git tag} writes none.
     */
    RELEASE_NOTES,
    /** Checks out the pull request's own code with actions/checkout (its head, its merge ref, a workflow_run's head). */
    CHECKOUT_PR_HEAD,
    /**
     * Fetches the pull request's code in a script ({@code git fetch origin pull/N/merge}, {@code gh pr checkout}).
     * Whether code from it then runs cannot be told from the script: tools are often built from the base branch
     * first and the pull request's files only read as data.
     */
    FETCH_PR_HEAD,
    /**
     * Checks who started the run before going on: a permission-check action, a collaborator-permission API call,
     * or a condition on {@code author_association}.
     */
    PERMISSION_CHECK
}
