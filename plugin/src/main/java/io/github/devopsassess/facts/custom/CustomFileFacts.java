package io.github.devopsassess.facts.custom;

import io.github.devopsassess.parse.YamlNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The YAML and JSON files that the rubric's custom checks examine, parsed with their line numbers.
 *
 * @param documents repository-relative path → the documents of the file (a YAML stream may hold several), sorted
 * @param unreadable files that matched but could not be read or parsed (a parse problem names the line)
 */
public record CustomFileFacts(Map<String, List<YamlNode>> documents, Set<String> unreadable) {

    public CustomFileFacts {
        documents = Collections.unmodifiableMap(new TreeMap<>(documents));
        unreadable = Collections.unmodifiableSet(new TreeSet<>(unreadable));
    }
}
