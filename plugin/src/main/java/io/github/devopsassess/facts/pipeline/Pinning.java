package io.github.devopsassess.facts.pipeline;

/** How firmly a third-party action, reusable workflow, orb or image reference is pinned. */
public enum Pinning {
    /** A full commit SHA or an image digest: the content cannot change under the same reference. */
    IMMUTABLE,
    /** A version tag such as {@code v4} or {@code 3.2.1}: its owner can move it. */
    TAG,
    /** A branch-like name that is not a version: moves with every push to it. */
    BRANCH,
    /** {@code @main}, {@code @master}, {@code :latest}, {@code :stable} and other floating names. */
    MUTABLE,
    /** An image with neither tag nor digest (implicitly {@code latest}), or an action without {@code @}. */
    UNTAGGED,
    /** The reference is built from a variable; it cannot be judged from the file. */
    VARIABLE,
    /** A path inside this repository: versioned with the pipeline itself. */
    LOCAL;

    /** Whether a supplier can change what runs without a change in this repository. */
    public boolean mutable() {
        return this == TAG || this == BRANCH || this == MUTABLE || this == UNTAGGED;
    }
}
