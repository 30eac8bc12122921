package io.github.devopsassess.scan.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether an environment or job name means production. A name matches when one of its words (split at
 * punctuation and camel case, trailing digits dropped) equals a pattern, so {@code deploy-prod-eu} and
 * {@code Production} match {@code prod}/{@code production}, while {@code preprod}, {@code nonprod} and
 * {@code liveness} do not.
 */
public final class ProductionPatterns {

    public static final List<String> DEFAULTS = List.of("prod", "production", "live", "prd");

    private final Set<String> words;

    public ProductionPatterns(List<String> patterns) {
        Set<String> w = new TreeSet<>();
        for (String p : patterns == null || patterns.isEmpty() ? DEFAULTS : patterns) {
            if (p != null && !p.isBlank()) {
                w.add(p.trim().toLowerCase(Locale.ROOT));
            }
        }
        this.words = w;
    }

    public static ProductionPatterns defaults() {
        return new ProductionPatterns(DEFAULTS);
    }

    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String word : spaced.split("[^a-z0-9]+")) {
            String bare = word.replaceAll("\\d+$", "");
            if (words.contains(word) || words.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    public List<String> patterns() {
        return List.copyOf(words);
    }
}
