package io.github.devopsassess.parse;

import java.util.Arrays;

/** The 1-based line of a character offset in a text, found by binary search over the offsets where lines start. */
public final class LineIndex {

    private final int[] lineStarts;

    private LineIndex(int[] lineStarts) {
        this.lineStarts = lineStarts;
    }

    /** Indexes the lines of a text once ({@code \n} ends a line; a {@code \r} before it belongs to the line). */
    public static LineIndex of(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, n));
    }

    /** The line holding the character at {@code offset}, the first line being 1. */
    public int lineAt(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
