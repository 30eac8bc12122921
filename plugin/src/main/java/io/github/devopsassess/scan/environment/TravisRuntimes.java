package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.parse.YamlNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The runtimes a Travis CI build ({@code .travis.yml}) tests on: {@code jdk:} ({@code openjdk17},
 * {@code oraclejdk11}), {@code node_js:}, {@code python:}, {@code go:}, {@code ruby:}/{@code rvm:}, each a scalar or
 * a list, at the top and in {@code jobs.include}/{@code matrix.include} entries. They are CI pins: several versions of
 * one runtime in the file are a test matrix, which the drift check does not count as drift.
 */
final class TravisRuntimes {

    private static final Map<String, String> KEYS = Map.of("jdk", "java", "node_js", "node", "python", "python",
            "go", "go", "ruby", "ruby", "rvm", "ruby", "php", "php", "dotnet", "dotnet");

    private final Inputs in;

    TravisRuntimes(Inputs in) {
        this.in = in;
    }

    void read(Consumer<RuntimePin> out) {
        for (String path : in.files()) {
            if (!Inputs.fileName(path).equals(".travis.yml")) {
                continue;
            }
            in.mapping(path, "Travis CI configuration").ifPresent(root -> {
                read(path, root, out);
                for (String list : List.of("jobs", "matrix")) {
                    Optional<YamlNode.Mapping> m = root.mapping(list);
                    m.ifPresent(jobs -> jobs.list("include").forEach(j -> j.asMapping().ifPresent(
                            job -> read(path, job, out))));
                }
            });
        }
    }

    private static void read(String path, YamlNode.Mapping m, Consumer<RuntimePin> out) {
        for (String key : m.keys()) {
            String runtime = KEYS.get(key);
            if (runtime == null) {
                continue;
            }
            YamlNode value = m.entries().get(key);
            List<YamlNode> items = value.asSequence().map(YamlNode.Sequence::items).orElse(List.of(value));
            for (YamlNode item : items) {
                String v = item.text();
                if (v == null || v.isBlank()) {
                    continue;
                }
                int line = item.line() > 0 ? item.line() : m.lineOf(key);
                out.accept(new RuntimePin(runtime, ToolVersionFiles.clean(runtime, v.strip()), path, line,
                        RuntimePin.CI));
            }
        }
    }
}
