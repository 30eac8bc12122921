package io.github.devopsassess.facts.oncall;

/** What one hour of the representative week looks like for one service. */
public enum CoverageState {
    /** Two or more different people can be reached (someone answers, and someone backs them up). */
    COVERED,
    /** Exactly one person can be reached: nobody backs them up. */
    SINGLE,
    /** Nobody is on call for at least part of the hour. */
    GAP,
    /** The roster could not be read from the files; nothing is guessed. */
    UNKNOWN;

    /** One letter for text grids that must read without colour: C, S, G, ?. */
    public char letter() {
        return switch (this) {
            case COVERED -> 'C';
            case SINGLE -> 'S';
            case GAP -> 'G';
            case UNKNOWN -> '?';
        };
    }
}
