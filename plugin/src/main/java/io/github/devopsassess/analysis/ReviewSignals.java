package io.github.devopsassess.analysis;

import io.github.devopsassess.facts.history.*;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.Set;
import java.util.regex.Pattern;

/** What git alone says about whether a change was reviewed. */
public final class ReviewSignals {

    /** Trailers that name a second person on the change. */
    public static final Set<String> REVIEW_TRAILERS = Set.of("reviewed-by", "co-authored-by", "approved-by",
            "acked-by");

    /** GitHub's squash and rebase merges keep "(#123)" at the end of the subject. */
    private static final Pattern PULL_REQUEST = Pattern.compile(".*\\(#\\d+\\)\\s*$");

    private ReviewSignals() {
    }

    /**
     * A change counts as reviewed when it reached the branch through a merge (it is not on the first-parent chain),
     * carries a review or co-author trailer, or was squash-merged from a pull request.
     */
    public static boolean reviewed(AuthoredCommit c, HistoryFacts history) {
        if (!history.mainline().isEmpty() && !history.mainline().contains(c.commit().id())) {
            return true;
        }
        for (String t : c.commit().trailers()) {
            if (REVIEW_TRAILERS.contains(t)) {
                return true;
            }
        }
        return c.commit().subject() != null && PULL_REQUEST.matcher(c.commit().subject()).matches();
    }
}
