package io.github.devopsassess.scan.pipeline;

import io.github.devopsassess.facts.pipeline.PipelineDefinition;
import io.github.devopsassess.facts.pipeline.DependencyUpdates;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds CI pipeline definitions in the assessed folder and, for a module of a larger repository, at the repository
 * root where CI systems actually read them, and reads them into one pipeline model ({@link PipelineFacts}) plus the
 * runtime versions CI builds with ({@link CiRuntimes}). Bad input becomes a parse problem; the scan goes on.
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

    /** Where Dependabot and Renovate look for their configuration. */
    private static final List<String> DEPENDENCY_UPDATES = List.of(".github/dependabot.yml",
            ".github/dependabot.yaml", "renovate.json", "renovate.json5", ".github/renovate.json",
            ".github/renovate.json5", ".gitlab/renovate.json", ".gitlab/renovate.json5", ".renovaterc",
            ".renovaterc.json", ".renovaterc.json5");

    private static final List<String> SETTINGS_AS_CODE = List.of(".github/settings.yml", ".github/settings.yaml");

    @Override
    public String id() {
        return "pipeline";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        ParseContext ctx = new ParseContext(tree, facts, new ProductionPatterns(
                context.options() == null ? List.of() : context.options().productionPatterns()));
        Set<String> roots = new LinkedHashSet<>();
        roots.add(tree.subtree());
        roots.add("");
        List<PipelineDefinition> found = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        List<Workflow> workflows = new ArrayList<>();
        Set<String> dependencyUpdates = new TreeSet<>();
        Set<String> settings = new TreeSet<>();
        Set<String> protectedEnvironments = new TreeSet<>();
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            for (String f : DEPENDENCY_UPDATES) {
                if (tree.isFile(prefix + f)) {
                    dependencyUpdates.add(prefix + f);
                }
            }
            for (String f : SETTINGS_AS_CODE) {
                if (tree.isFile(prefix + f) && settings.add(prefix + f)) {
                    protectedEnvironments.addAll(protectedEnvironments(ctx, prefix + f));
                }
            }
        }
        GitHubActionsParser github = new GitHubActionsParser(ctx, protectedEnvironments);
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            searched.add(prefix + ".github/workflows/");
            for (String f : tree.filesUnder(prefix + ".github/workflows")) {
                String rest = f.substring((prefix + ".github/workflows/").length());
                if (!rest.contains("/") && (rest.endsWith(".yml") || rest.endsWith(".yaml"))) {
                    Optional<Workflow> wf = github.parse(f);
                    wf.ifPresent(workflows::add);
                    found.add(new PipelineDefinition("github-actions", f, wf.isPresent()));
                }
            }
            for (String key : FIXED.keySet().stream().sorted().toList()) {
                String path = prefix + key;
                if (tree.isFile(path)) {
                    String system = FIXED.get(key);
                    boolean readable;
                    if (parsedHere(system)) {
                        List<Workflow> read = read(ctx, system, path);
                        workflows.addAll(read);
                        readable = !read.isEmpty();
                    } else {
                        // Bitbucket and Travis are recognised, not modelled: only their YAML is checked.
                        readable = ctx.readMapping(path, system + " pipeline").isPresent();
                    }
                    found.add(new PipelineDefinition(system, path, readable));
                }
                searched.add(path);
            }
        }
        found.sort(Comparator.comparing(PipelineDefinition::path));
        workflows.sort(Comparator.comparing(Workflow::path).thenComparing(Workflow::name));
        List<Reference> missing = new ArrayList<>(ctx.missing);
        missing.sort(Comparator.comparing((Reference r) -> r.at().path()).thenComparingInt(r -> r.at().line()));
        facts.put(PipelineFacts.class, new PipelineFacts(found, searched, workflows, List.copyOf(dependencyUpdates),
                List.copyOf(settings), List.copyOf(protectedEnvironments), missing));
        facts.put(DependencyUpdates.class, new DependencyUpdateConfigs(ctx).read(dependencyUpdates));
        List<CiRuntime> runtimes = new ArrayList<>(new LinkedHashSet<>(ctx.runtimes));
        runtimes.sort(Comparator.comparing((CiRuntime r) -> r.at().path()).thenComparingInt(r -> r.at().line())
                .thenComparing(CiRuntime::tool).thenComparing(CiRuntime::version));
        facts.put(CiRuntimes.class, new CiRuntimes(runtimes));
    }

    private static boolean parsedHere(String system) {
        return !"bitbucket".equals(system) && !"travis".equals(system);
    }

    private static List<Workflow> read(ParseContext ctx, String system, String path) {
        return switch (system) {
            case "gitlab-ci" -> new GitLabCiParser(ctx).parse(path).map(List::of).orElse(List.of());
            case "jenkins" -> new JenkinsfileParser(ctx).parse(path).map(List::of).orElse(List.of());
            case "azure-pipelines" -> new AzurePipelinesParser(ctx).parse(path).map(List::of).orElse(List.of());
            case "circleci" -> new CircleCiParser(ctx).parse(path);
            default -> List.of();
        };
    }

    /** Environments that {@code .github/settings.yml} protects with reviewers or a wait timer. */
    private static List<String> protectedEnvironments(ParseContext ctx, String path) {
        List<String> names = new ArrayList<>();
        Optional<YamlNode.Mapping> root = ctx.readMapping(path, "repository settings file");
        if (root.isEmpty()) {
            return names;
        }
        for (YamlNode e : root.get().list("environments")) {
            e.asMapping().ifPresent(em -> {
                boolean guarded = !em.list("reviewers").isEmpty() || em.get("wait_timer").isPresent();
                em.string("name").filter(n -> guarded).ifPresent(n -> names.add(n.toLowerCase(Locale.ROOT)));
            });
        }
        return names;
    }
}
