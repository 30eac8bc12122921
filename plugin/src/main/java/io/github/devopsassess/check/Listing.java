package io.github.devopsassess.check;

import java.util.List;

/** How a finding that lists its places names them: the first few, then how many more. */
public final class Listing {

    private Listing() {
    }

    /** {@code a, b, c and 4 more} with {@code shown} = 3 and {@code separator} = {@code ", "}. */
    public static String some(List<String> items, int shown, String separator) {
        return items.size() <= shown ? String.join(separator, items)
                : String.join(separator, items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
    }
}
