package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.MinedCommit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A merge commit: who merged, when, and its subject ("Merge pull request #12 from …"). */
public record Merge(String id, String committerName, String committerEmail, long commitTime, String subject) {

    /** The committer's person key as the history's people map has it: the e-mail, else the name, lower case. */
    public String committerKey() {
        return committerEmail == null || committerEmail.isBlank() ? committerName.trim().toLowerCase(Locale.ROOT)
                : committerEmail.trim().toLowerCase(Locale.ROOT);
    }
}
