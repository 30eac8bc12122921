package io.github.devopsassess.model;

/**
 * Words a reader reads once: the plural forms of counted nouns, in one place for checks and report ("1 person",
 * "2 people", never "1 people"). A leaf helper of the model so that every stage may use it.
 */
public final class Words {

    private Words() {
    }

    /** "1 person", "3 people", "0 people". */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The noun alone, singular for one and plural otherwise. */
    public static String noun(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
