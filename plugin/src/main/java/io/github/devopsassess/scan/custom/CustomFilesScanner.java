package io.github.devopsassess.scan.custom;

import io.github.devopsassess.facts.custom.CustomFileFacts;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.Glob;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanFiles;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML and JSON files that the rubric's custom checks ask for ({@link
 * io.github.devopsassess.scan.ScanOptions#customFiles()}), so that those checks stay pure functions of the facts.
 * Reads nothing when the rubric has no such check.
 */
public final class CustomFilesScanner implements Scanner {

    @Override
    public String id() {
        return "custom";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        List<String> wanted = context.options().customFiles();
        if (wanted.isEmpty()) {
            return;
        }
        List<Glob> globs = new ArrayList<>();
        for (String g : wanted) {
            try {
                globs.add(Glob.of(g));
            } catch (IllegalArgumentException e) {
                facts.problem(null, null, "custom check files: " + e.getMessage()); // the loader rejects these first
            }
        }
        RepoTree tree = context.tree();
        YamlReader yaml = new YamlReader();
        Map<String, List<YamlNode>> documents = new LinkedHashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (String path : tree.files()) {
            if (!Glob.anyMatches(globs, tree.relativeToSubtree(path))) {
                continue;
            }
            Optional<String> text = ScanFiles.text(tree, path, facts);
            if (text.isEmpty()) {
                unreadable.add(path);
                continue;
            }
            YamlReader.Result result = yaml.read(path, text.get());
            result.problem().ifPresent(facts::problem);
            List<YamlNode> docs = result.documents().stream().filter(Objects::nonNull).toList();
            if (!result.complete()) {
                unreadable.add(path);
            } else {
                documents.put(path, docs);
            }
        }
        facts.put(CustomFileFacts.class, new CustomFileFacts(documents, unreadable));
    }
}
