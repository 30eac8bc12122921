package io.github.devopsassess.facts.supplychain;

import java.util.Locale;

/**
 * Code of another repository or server that the build, the infrastructure or an image takes at a reference: a
 * Terraform or Terragrunt module source, a kustomize remote base, a pip or npm dependency from git, a {@code git
 * clone} or {@code ADD} of a repository in a Dockerfile or a CI script, a script fetched and piped to a shell.
 *
 * @param kind what takes it
 * @param target where it comes from, normalised ({@code github.com/owner/repo}, a registry address
 *     {@code terraform-aws-modules/vpc/aws}, or the URL without its query)
 * @param ref the reference as written (a commit, tag, branch, version constraint), or {@code null} when there is none
 * @param pinning what kind of reference it is
 * @param owner the owner of the target on its forge ({@code owner} of {@code github.com/owner/repo}), or {@code null}
 * @param path repository-relative path of the file that names it
 * @param line 1-based line
 * @param via where a reference given by a variable was set ({@code TAG=main (config/dev.sh:5)}), or {@code null}
 */
public record RemoteSource(Kind kind, String target, String ref, RefKind pinning, String owner, String path, int line,
        String via) {

    /** What takes the remote code. */
    public enum Kind {
        TERRAFORM_MODULE("Terraform module source"),
        TERRAGRUNT_SOURCE("Terragrunt terraform source"),
        KUSTOMIZE("kustomize remote resource"),
        PIP("pip requirement from git"),
        NPM("npm dependency from git"),
        GIT_CLONE("git clone"),
        DOCKER_ADD("Dockerfile ADD of a repository"),
        PIPED_SCRIPT("script piped to a shell");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** Kebab-case name, stable for fingerprints. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What a reference is, as far as its text tells. */
    public enum RefKind {
        /** A full 40-character commit id, an archive checksum, or the repository itself: cannot change. */
        COMMIT,
        /** A version tag or a bounded version constraint ({@code v1.2.3}, {@code 1.2}, {@code ~> 3.0}). */
        VERSION,
        /** A version constraint with no upper bound ({@code >= 1.0}, {@code *}). */
        RANGE,
        /** A name that is a branch by convention ({@code main}, {@code master}, {@code develop}, {@code HEAD}…). */
        BRANCH,
        /** No reference at all: the default branch, or whatever the URL serves today. */
        NONE,
        /** A name that may be a branch or a tag: the files cannot tell. */
        NAME,
        /** A variable that the files do not settle. */
        VARIABLE
    }

    /** The reference as shown: {@code @main}, {@code (no ref)}. */
    public String shown() {
        return ref == null ? target + " (no ref)" : target + " @ " + ref;
    }
}
