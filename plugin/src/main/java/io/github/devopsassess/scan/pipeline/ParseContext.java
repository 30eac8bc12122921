package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanFiles;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every pipeline parser shares: the files, where problems go, production patterns and found runtimes. */
final class ParseContext {

    final RepoTree tree;
    final Facts.Builder facts;
    final ProductionPatterns patterns;
    final List<CiRuntime> runtimes = new ArrayList<>();
    /** Local files a pipeline names that are not in the repository (see {@code PipelineFacts.missing}). */
    final List<Reference> missing = new ArrayList<>();
    final YamlReader yaml = new YamlReader();
    /** The repository's scripts that steps run, read once each: whether they announce anything. */
    final ScriptNotifications scripts;

    ParseContext(RepoTree tree, Facts.Builder facts, ProductionPatterns patterns) {
        this.tree = tree;
        this.facts = facts;
        this.patterns = patterns;
        this.scripts = new ScriptNotifications(tree);
    }

    /** A job being read, whose steps' scripts are looked into for notifications. */
    JobBuilder job(String id, Location at) {
        JobBuilder job = new JobBuilder(id, at);
        job.scripts = scripts;
        return job;
    }

    void problem(String path, Integer line, String message) {
        facts.problem(path, line, message);
    }

    /** Reads a YAML file whose top must be a mapping; every failure becomes a problem, never an exception. */
    Optional<YamlNode.Mapping> readMapping(String path, String what) {
        return ScanFiles.yamlMapping(tree, yaml, path, facts, what);
    }

    /** A local action, reusable workflow or include that the pipeline names and the repository does not hold. */
    void missing(String kind, String path, Location at) {
        Reference r = new Reference(kind, path, io.github.devopsassess.facts.pipeline.Pinning.LOCAL, at);
        if (!missing.contains(r)) {
            missing.add(r);
        }
    }

    void image(JobBuilder job, String image, Location at) {
        if (image == null || image.isBlank()) {
            return;
        }
        String ref = image.trim();
        job.references.add(new Reference("image", ref, RefPinning.image(ref), at));
        runtimes.add(new CiRuntime(RefPinning.imageName(ref), RefPinning.imageTag(ref), "image", at));
    }

    /** Text of a scalar, or the joined texts of a list of scalars (a multi-line script). */
    static String text(YamlNode node) {
        if (node == null) {
            return null;
        }
        if (node.text() != null) {
            return node.text();
        }
        return node.asSequence().map(s -> String.join("\n", s.items().stream()
                .map(i -> i.text() == null ? "" : i.text()).toList())).orElse(null);
    }

    static boolean isTrue(YamlNode node) {
        return node != null && "true".equalsIgnoreCase(node.text());
    }

    static List<String> strings(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.text() != null) {
            return List.of(node.text());
        }
        return node.asSequence().map(s -> s.items().stream().map(YamlNode::text)
                .filter(t -> t != null).toList()).orElse(List.of());
    }
}
