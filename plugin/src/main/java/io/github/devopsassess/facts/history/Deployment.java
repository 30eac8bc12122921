package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.MinedCommit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deployment: a release tag, or a deploy-marker commit on the mainline.
 *
 * @param name the tag name, or the marker commit's subject
 * @param commit id of the deployed commit (the tagged commit, or the marker commit itself)
 * @param commitTime commit time of that commit, epoch seconds
 * @param kind what marked the deployment
 */
public record Deployment(String name, String commit, long commitTime, Kind kind) {

    /** What marked a deployment. */
    public enum Kind {
        /** A tag matching the release-tag glob. */
        TAG,
        /** A mainline commit whose subject matches the deploy-marker pattern. */
        MARKER
    }

    /**
     * Every deployment, oldest first (then by name): each release tag, and each deploy-marker commit that no release
     * tag points at. A tagged marker commit is one deployment, named by its tag, so it is not counted twice; two
     * release tags on one commit stay two releases, as they always were.
     */
    public static List<Deployment> deployments(List<Tag> tags, String releaseGlob, List<Deployment> markers) {
        List<Deployment> out = new ArrayList<>();
        Set<String> tagged = new HashSet<>();
        for (Tag t : tags) {
            if (isRelease(t.name(), releaseGlob)) {
                out.add(new Deployment(t.name(), t.commit(), t.commitTime(), Deployment.Kind.TAG));
                tagged.add(t.commit());
            }
        }
        for (Deployment m : markers) {
            if (!tagged.contains(m.commit())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingLong(Deployment::commitTime).thenComparing(Deployment::name)
                .thenComparing(Deployment::commit));
        return out;
    }

    /** Matches a tag name against a glob of {@code *} and {@code ?} (case-sensitive, like git's tag patterns). */
    public static boolean isRelease(String tagName, String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return tagName.matches(regex.toString());
    }
}
