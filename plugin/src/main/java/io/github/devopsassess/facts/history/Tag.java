package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.MinedCommit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A tag and the commit it points at (annotated tags are peeled). */
public record Tag(String name, String commit, long commitTime) {
}
