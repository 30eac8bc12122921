package io.github.devopsassess.facts.postmortem;

import java.util.Locale;
import java.util.Set;

/**
 * Tells English prose from prose in another language by the share of very common English function words. English
 * running text has roughly 35–50% such words; German, Danish or French text has well under 10%. Too little text to
 * tell counts as English, since a short English postmortem is far more likely than a short foreign one.
 */
public final class EnglishText {

    static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "at",
            "for", "with", "by", "from", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
            "these", "those", "we", "our", "they", "their", "not", "no", "as", "but", "if", "then", "than", "so",
            "when", "which", "who", "what", "had", "has", "have", "did", "do", "does", "into", "after", "before",
            "all", "there", "would", "could", "should", "will", "can", "because", "about", "up", "out");

    /** Below this share of English function words, the text is taken to be in another language. */
    static final double MIN_SHARE = 0.12;

    /** Fewer words than this cannot be judged. */
    static final int MIN_WORDS = 40;

    private EnglishText() {
    }

    public static boolean isEnglish(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        int total = 0;
        int common = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            total++;
            if (STOP_WORDS.contains(w)) {
                common++;
            }
        }
        return total < MIN_WORDS || (double) common / total >= MIN_SHARE;
    }
}
