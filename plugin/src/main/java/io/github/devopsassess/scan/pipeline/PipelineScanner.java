package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.model.Facts;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds CI pipeline definitions in the assessed folder and, for a module of a larger repository, at the repository
 * root where CI systems actually read them.
 */
public final class PipelineScanner implements Scanner {

    /** Fixed file names per CI system; GitHub Actions is matched by folder below. */
    private static final Map<String, String> FIXED = Map.of(
            ".gitlab-ci.yml", "gitlab-ci",
            "Jenkinsfile", "jenkins",
            "azure-pipelines.yml", "azure-pipelines",
            ".azure-pipelines.yml", "azure-pipelines",
            ".circleci/config.yml", "circleci",
            "bitbucket-pipelines.yml", "bitbucket",
            ".travis.yml", "travis");

    @Override
    public String id() {
        return "pipeline";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        Set<String> roots = new LinkedHashSet<>();
        roots.add(tree.subtree());
        roots.add("");
        List<PipelineDefinition> found = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        YamlReader yaml = new YamlReader();
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            searched.add(prefix + ".github/workflows/");
            for (String f : tree.filesUnder(prefix + ".github/workflows")) {
                String rest = f.substring((prefix + ".github/workflows/").length());
                if (!rest.contains("/") && (rest.endsWith(".yml") || rest.endsWith(".yaml"))) {
                    found.add(read(tree, yaml, "github-actions", f, facts));
                }
            }
            for (Map.Entry<String, String> e : FIXED.entrySet()) {
                String path = prefix + e.getKey();
                if (tree.isFile(path)) {
                    found.add(read(tree, yaml, e.getValue(), path, facts));
                }
            }
            FIXED.keySet().stream().sorted().forEach(k -> searched.add(prefix + k));
        }
        found.sort(Comparator.comparing(PipelineDefinition::path));
        facts.put(PipelineFacts.class, new PipelineFacts(found, searched));
    }

    private static PipelineDefinition read(RepoTree tree, YamlReader yaml, String system, String path,
            Facts.Builder facts) {
        if (!path.endsWith(".yml") && !path.endsWith(".yaml")) {
            return new PipelineDefinition(system, path, true); // Jenkinsfiles are Groovy, read by the pipeline checks
        }
        RepoTree.TextRead read = tree.readText(path);
        if (!read.ok()) {
            facts.problem(path, null, "file skipped: " + read.skipped());
            return new PipelineDefinition(system, path, false);
        }
        YamlReader.Result result = yaml.read(path, read.text());
        result.problem().ifPresent(facts::problem);
        boolean mapping = result.first().flatMap(n -> n.asMapping()).isPresent();
        if (result.problem().isEmpty() && !mapping) {
            facts.problem(path, 1, "a " + system + " pipeline must be a YAML mapping");
        }
        return new PipelineDefinition(system, path, result.problem().isEmpty() && mapping);
    }
}
