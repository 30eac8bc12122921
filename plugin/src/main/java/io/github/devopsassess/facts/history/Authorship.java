package io.github.devopsassess.facts.history;

import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * @param authors file → its authors (people keys), for every file that has history
 * @param createdIn file → the commit that created it, where the history holds its creation
 */
public record Authorship(Map<String, Set<String>> authors, Map<String, String> createdIn) {
    public Authorship {
        authors = java.util.Collections.unmodifiableMap(authors); // shared by several checks
        createdIn = java.util.Collections.unmodifiableMap(createdIn);
    }

    /** Authors only (a module's share of a whole tree's authorship). */
    public Authorship(Map<String, Set<String>> authors) {
        this(authors, Map.of());
    }
}
