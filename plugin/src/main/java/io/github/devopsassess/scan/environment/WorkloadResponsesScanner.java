package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.facts.environment.WorkloadResponses;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Step;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what lets production workloads heal or roll back by themselves into {@link WorkloadResponses}: the liveness
 * probes, and the readiness probes of containers that serve a port, of the Deployments, StatefulSets and Argo Rollouts that production Helm charts (a production
 * values file beside the chart or above it), production kustomize overlays (their local resources and bases,
 * followed, and the probes their patches add) and production manifest folders define, and the Helm releases that
 * the production deploy jobs of the pipelines make. What is production comes from the environment facts and the
 * pipeline facts, so this scanner runs after both. Charts from remote repositories and remote kustomize bases are
 * not read: they are listed as unknown. A manifest that is not valid YAML is one problem at its line.
 */
public final class WorkloadResponsesScanner implements Scanner {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Rollout");
    private static final Pattern TEMPLATE_KIND = Pattern.compile("^kind:\\s*[\"']?(Deployment|StatefulSet|Rollout)"
            + "[\"']?\\s*$");
    private static final Pattern CONTAINER_NAME = Pattern.compile("^\\s*-\\s*name:\\s*(.+?)\\s*$");
    private static final Set<String> KUSTOMIZATIONS = Set.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");
    private static final Pattern HELM = Pattern.compile("\\bhelm[23]?\\s+(upgrade|install)\\b");
    private static final Pattern HELM_GUARD = Pattern.compile("--(atomic|wait|rollback-on-failure)\\b");
    private static final Pattern HELMFILE = Pattern.compile("\\bhelmfile\\b[^\\n]*\\b(apply|sync|deploy)\\b");
    private static final Pattern HELMFILE_FILE = Pattern.compile("(?:-f|--file)[=\\s]+[\"']?([^\\s\"']+)");
    private static final Pattern HELMFILE_GUARD = Pattern.compile("(?m)^\\s*(atomic|wait):\\s*true\\b");

    @Override
    public String id() {
        return "workload-responses";
    }

    /** What one scan collects. */
    private static final class Collected {
        int workloads;
        final List<WorkloadResponses.Group> unhealed = new ArrayList<>();
        final Set<String> reported = new HashSet<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> unknown = new LinkedHashSet<>();
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        Inputs in = new Inputs(context.tree(), facts);
        Collected c = new Collected();
        EnvironmentFacts env = facts.find(EnvironmentFacts.class).orElse(null);
        if (env != null) {
            for (EnvironmentDefinition d : env.definitions()) {
                if (!EnvironmentNames.PRODUCTION.equals(d.environment())) {
                    continue;
                }
                switch (d.system()) {
                    case HelmValues.SYSTEM -> helm(in, env, d, c);
                    case KustomizeOverlays.SYSTEM -> kustomize(in, d, c);
                    case ManifestFolders.SYSTEM -> manifests(in, d, c);
                    default -> { }
                }
            }
        }
        List<WorkloadResponses.Release> unguarded = new ArrayList<>();
        int releases = releases(in, facts.find(PipelineFacts.class).orElse(null), unguarded);
        facts.put(WorkloadResponses.class, new WorkloadResponses(c.workloads, c.unhealed, releases, unguarded,
                responses(in), List.copyOf(c.unknown)));
    }

    // ---- Helm charts

    private static void helm(Inputs in, EnvironmentFacts env, EnvironmentDefinition d, Collected c) {
        String family = d.family();
        List<String> charts = new ArrayList<>();
        if (in.tree().isFile(join(family, "Chart.yaml"))) {
            charts.add(family);
        } else {
            for (String f : in.files()) {
                if (Inputs.fileName(f).equals("Chart.yaml") && Inputs.folder(Inputs.folder(f)).equals(family)) {
                    charts.add(Inputs.folder(f));
                }
            }
        }
        if (charts.isEmpty()) {
            c.unknown.add(d.path() + " sets production values of a chart that is not in the repository");
            return;
        }
        for (String chart : charts) {
            if (!c.seen.add("helm|" + chart)) {
                continue;
            }
            Set<String> valueKeys = new HashSet<>();
            for (EnvironmentDefinition other : env.definitions()) {
                if (other.system().equals(HelmValues.SYSTEM) && (other == d || other.isBase()
                        && Inputs.folder(other.path()).equals(chart))) {
                    for (Setting s : other.settings()) {
                        valueKeys.add(s.displayKey().toLowerCase(Locale.ROOT));
                    }
                }
            }
            List<String> chartFolders = new ArrayList<>(List.of(chart));
            in.mapping(join(chart, "Chart.yaml"), "Chart.yaml").ifPresent(meta -> {
                for (YamlNode dep : meta.list("dependencies")) {
                    dep.asMapping().ifPresent(m -> {
                        String repo = m.string("repository").orElse("");
                        String name = m.string("name").orElse("?");
                        if (repo.startsWith("file://")) {
                            String local = KustomizeOverlays.normalise(join(chart, repo.substring(7)));
                            if (local != null) {
                                chartFolders.add(local);
                            }
                        } else if (!repo.isEmpty() && !in.tree().isFile(join(chart, "charts/" + name + "/Chart.yaml"))) {
                            c.unknown.add("chart " + chart + " uses " + name + " from " + repo
                                    + ", whose templates (and probes) are not in the repository");
                        }
                    });
                }
            });
            List<WorkloadResponses.Container> containers = new ArrayList<>();
            boolean helperLiveness = false;
            boolean helperReadiness = false;
            List<String> templates = new ArrayList<>();
            for (String f : in.files()) {
                for (String folder : chartFolders) {
                    if (f.startsWith(folder + "/templates/") || f.startsWith(folder + "/charts/")
                            && f.contains("/templates/")) {
                        if (f.endsWith(".tpl")) {
                            String text = in.text(f).orElse("");
                            helperLiveness |= text.contains("livenessProbe");
                            helperReadiness |= text.contains("readinessProbe");
                        } else if (f.endsWith(".yaml") || f.endsWith(".yml")) {
                            templates.add(f);
                        }
                        break;
                    }
                }
            }
            boolean valuesLiveness = valueKeys.stream().anyMatch(k -> k.contains("livenessprobe"));
            boolean valuesReadiness = valueKeys.stream().anyMatch(k -> k.contains("readinessprobe"));
            for (String t : templates) {
                template(in, chart, t, valuesLiveness || helperLiveness, valuesReadiness || helperReadiness,
                        containers);
            }
            group(HelmValues.SYSTEM, chart, chart, d.path(), containers, c);
        }
    }

    /** The workloads of one chart template, read as text: a template is not YAML until it is rendered. */
    private static void template(Inputs in, String chart, String path, boolean liveness, boolean readiness,
            List<WorkloadResponses.Container> out) {
        String text = in.text(path).orElse("");
        if (!text.contains("kind:")) {
            return;
        }
        String[] lines = text.split("\n", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].startsWith("---")) {
                document(lines, start, i, chart, path, liveness, readiness, out);
                start = i + 1;
            }
        }
    }

    private static void document(String[] lines, int from, int to, String chart, String path, boolean liveness,
            boolean readiness, List<WorkloadResponses.Container> out) {
        String kind = null;
        int containers = -1;
        boolean live = liveness;
        boolean ready = readiness;
        boolean serves = false;
        for (int i = from; i < to; i++) {
            serves |= lines[i].contains("containerPort") || lines[i].strip().startsWith("ports:");
            Matcher k = TEMPLATE_KIND.matcher(lines[i]);
            if (k.matches()) {
                kind = k.group(1);
            }
            if (containers < 0 && lines[i].strip().equals("containers:")) {
                containers = i;
            }
            live |= lines[i].contains("livenessProbe");
            ready |= lines[i].contains("readinessProbe");
        }
        if (kind == null || containers < 0) {
            return;
        }
        String name = "container";
        int line = containers + 1;
        for (int i = containers + 1; i < to && i < containers + 4; i++) {
            Matcher n = CONTAINER_NAME.matcher(lines[i]);
            if (n.matches()) {
                name = n.group(1);
                line = i + 1;
                break;
            }
        }
        String relative = path.startsWith(chart + "/") ? path.substring(chart.length() + 1) : path;
        out.add(new WorkloadResponses.Container(kind + " " + relative, name, path, line, live, ready || !serves));
    }

    // ---- kustomize overlays and manifest folders

    private static void kustomize(Inputs in, EnvironmentDefinition d, Collected c) {
        String overlay = Inputs.folder(d.path());
        if (!c.seen.add("kustomize|" + overlay)) {
            return;
        }
        List<Manifest> manifests = new ArrayList<>();
        Map<String, Set<String>> patched = new HashMap<>();
        walk(in, d.path(), new HashSet<>(), manifests, patched, c);
        List<WorkloadResponses.Container> containers = new ArrayList<>();
        for (Manifest m : manifests) {
            containers(m, patched, containers);
        }
        group(KustomizeOverlays.SYSTEM, d.family(), overlay, d.path(), containers, c);
    }

    private static void manifests(Inputs in, EnvironmentDefinition d, Collected c) {
        String folder = Inputs.folder(d.path());
        if (!c.seen.add("manifests|" + folder)) {
            return;
        }
        List<WorkloadResponses.Container> containers = new ArrayList<>();
        for (String f : in.files()) {
            if (Inputs.folder(f).equals(folder) && (f.endsWith(".yaml") || f.endsWith(".yml"))) {
                for (YamlNode doc : in.yaml(f)) {
                    doc.asMapping().ifPresent(m -> containers(new Manifest(f, m), Map.of(), containers));
                }
            }
        }
        group(ManifestFolders.SYSTEM, d.family(), folder, d.path(), containers, c);
    }

    /** A YAML document of a manifest file. */
    private record Manifest(String path, YamlNode.Mapping doc) {
    }

    /** Follows a kustomization's local resources, bases and components; collects what its patches add. */
    private static void walk(Inputs in, String kustomization, Set<String> visited, List<Manifest> out,
            Map<String, Set<String>> patched, Collected c) {
        if (!visited.add(kustomization)) {
            return;
        }
        Optional<YamlNode.Mapping> k = in.mapping(kustomization, "kustomization");
        if (k.isEmpty()) {
            return;
        }
        String folder = Inputs.folder(kustomization);
        for (String field : List.of("resources", "bases", "components")) {
            for (YamlNode r : k.get().list(field)) {
                String entry = r.text();
                if (entry == null || entry.isBlank()) {
                    continue;
                }
                if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@")
                        || entry.contains("?ref=")) {
                    c.unknown.add(kustomization + ":" + r.line() + " builds on " + entry
                            + ", whose workloads are not read");
                    continue;
                }
                String target = KustomizeOverlays.normalise(join(folder, entry));
                if (target == null) {
                    continue;
                }
                if (in.tree().isFile(target)) {
                    for (YamlNode doc : in.yaml(target)) {
                        doc.asMapping().ifPresent(m -> out.add(new Manifest(target, m)));
                    }
                    continue;
                }
                for (String name : KUSTOMIZATIONS) {
                    if (in.tree().isFile(join(target, name))) {
                        walk(in, join(target, name), visited, out, patched, c);
                        break;
                    }
                }
            }
        }
        for (YamlNode chart : k.get().list("helmCharts")) {
            chart.asMapping().ifPresent(m -> c.unknown.add(kustomization + ":" + m.line() + " renders Helm chart "
                    + m.string("name").orElse("?") + m.string("repo").map(r -> " from " + r).orElse("")
                    + ", whose probes are not read"));
        }
        patches(in, k.get(), folder, patched);
    }

    /** Probes that patches add, by workload name: {@code name → {liveness, readiness}}. */
    private static void patches(Inputs in, YamlNode.Mapping k, String folder, Map<String, Set<String>> patched) {
        for (String field : List.of("patches", "patchesStrategicMerge", "patchesJson6902")) {
            for (YamlNode p : k.list(field)) {
                String file = p.text() != null && !p.text().contains("\n") ? p.text()
                        : p.asMapping().flatMap(m -> m.string("path")).orElse(null);
                String inline = p.asMapping().flatMap(m -> m.string("patch")).orElse(p.text() != null
                        && p.text().contains("\n") ? p.text() : null);
                String target = p.asMapping().flatMap(m -> m.mapping("target")).flatMap(t -> t.string("name"))
                        .orElse(null);
                String text = inline;
                List<String> names = new ArrayList<>();
                if (file != null) {
                    String path = KustomizeOverlays.normalise(join(folder, file));
                    if (path == null || !in.tree().isFile(path)) {
                        continue;
                    }
                    text = in.text(path).orElse("");
                    for (YamlNode doc : in.yaml(path)) {
                        doc.asMapping().flatMap(m -> m.mapping("metadata")).flatMap(md -> md.string("name"))
                                .ifPresent(names::add);
                    }
                }
                if (text == null) {
                    continue;
                }
                if (target != null) {
                    names.add(target);
                }
                for (String name : names) {
                    if (text.contains("livenessProbe")) {
                        patched.computeIfAbsent(name, n -> new HashSet<>()).add("liveness");
                    }
                    if (text.contains("readinessProbe")) {
                        patched.computeIfAbsent(name, n -> new HashSet<>()).add("readiness");
                    }
                }
            }
        }
    }

    /** The containers of a Deployment, StatefulSet or Rollout document, with their probes. */
    private static void containers(Manifest m, Map<String, Set<String>> patched,
            List<WorkloadResponses.Container> out) {
        String kind = m.doc().string("kind").orElse("");
        if (!WORKLOADS.contains(kind)) {
            return;
        }
        String name = m.doc().mapping("metadata").flatMap(md -> md.string("name")).orElse("?");
        Set<String> added = patched.getOrDefault(name, Set.of());
        Optional<YamlNode.Mapping> pod = m.doc().mapping("spec").flatMap(s -> s.mapping("template"))
                .flatMap(t -> t.mapping("spec"));
        if (pod.isEmpty()) {
            return; // a Rollout with a workloadRef: the Deployment it names is read on its own
        }
        for (YamlNode node : pod.get().list("containers")) {
            node.asMapping().ifPresent(container -> out.add(new WorkloadResponses.Container(kind + "/" + name,
                    container.string("name").orElse("?"), m.path(), container.line(),
                    container.get("livenessProbe").isPresent() || added.contains("liveness"),
                    // a container that serves no port (a worker, a forwarder) gets no traffic to hold back
                    container.get("readinessProbe").isPresent() || added.contains("readiness")
                            || container.get("ports").isEmpty())));
        }
    }

    /**
     * Counts the containers; those without probes make the group, unless another overlay of the same family (the
     * per-cluster overlays of one component, each with its rendered copy) already reported them.
     */
    private static void group(String system, String family, String folder, String production,
            List<WorkloadResponses.Container> containers, Collected c) {
        c.workloads += containers.size();
        List<WorkloadResponses.Container> missing = containers.stream()
                .filter(x -> !(x.liveness() && x.readiness()))
                .filter(x -> c.reported.add(x.path() + ":" + x.line())
                        && c.reported.add(family + "|" + x.workload() + "|" + x.container())).toList();
        if (!missing.isEmpty()) {
            c.unhealed.add(new WorkloadResponses.Group(system, folder, production, missing));
        }
    }

    // ---- Helm releases of production deploy jobs

    private static int releases(Inputs in, PipelineFacts pipelines, List<WorkloadResponses.Release> unguarded) {
        if (pipelines == null) {
            return 0;
        }
        int count = 0;
        for (Job job : pipelines.jobs()) {
            if (!job.production()) {
                continue;
            }
            for (Step step : job.steps()) {
                String text = step.text() == null ? "" : step.text().replace("\\\r\n", " ").replace("\\\n", " ");
                for (String command : text.split("\n")) {
                    boolean helm = HELM.matcher(command).find();
                    boolean helmfile = !helm && HELMFILE.matcher(command).find();
                    if (!helm && !helmfile) {
                        continue;
                    }
                    count++;
                    boolean guarded = HELM_GUARD.matcher(command).find()
                            || helmfile && helmfileGuarded(in, command);
                    if (!guarded) {
                        String where = step.at() == null ? job.at().path() : step.at().path();
                        int from = step.at() == null ? job.at().line() : step.at().line();
                        unguarded.add(new WorkloadResponses.Release(where, lineOf(in, where, from,
                                helm ? HELM : HELMFILE), command.strip(), job.name()));
                    }
                }
            }
        }
        return count;
    }

    /** Whether every helmfile the command reads sets {@code atomic: true} or {@code wait: true}. */
    private static boolean helmfileGuarded(Inputs in, String command) {
        Matcher f = HELMFILE_FILE.matcher(command);
        List<String> files = new ArrayList<>();
        if (f.find()) {
            String written = f.group(1).replaceFirst("^\\./", "");
            Pattern glob = Pattern.compile(Pattern.quote(written).replaceAll("\\$\\{[^}]*}|\\$\\w+",
                    "\\\\E[^/]+\\\\Q"));
            in.files().stream().filter(p -> glob.matcher(p).matches()).forEach(files::add);
        } else {
            in.files().stream().filter(p -> p.matches("helmfile\\.ya?ml(\\.gotmpl)?|helmfile\\.d/[^/]+\\.ya?ml"
                    + "(\\.gotmpl)?")).forEach(files::add);
        }
        return !files.isEmpty() && files.stream().allMatch(p -> HELMFILE_GUARD.matcher(in.text(p).orElse(""))
                .find());
    }

    /** The first line at or after a line of a file where the command is written, or that line. */
    private static int lineOf(Inputs in, String path, int from, Pattern p) {
        String[] lines = in.text(path).orElse("").split("\n", -1);
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return from;
    }

    // ---- automated responses present

    private static List<String> responses(Inputs in) {
        List<String> out = new ArrayList<>();
        for (String f : in.files()) {
            if (!(f.endsWith(".yaml") || f.endsWith(".yml"))) {
                continue;
            }
            String text = in.text(f).orElse("");
            if (!text.contains("selfHeal") && !text.contains("analysis")) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].matches("\\s*selfHeal:\\s*true\\s*")) {
                    out.add(f + ":" + (i + 1) + " — Argo CD automated sync with selfHeal");
                }
            }
            if (text.matches("(?s).*\\bkind:\\s*Rollout\\b.*") && text.contains("analysis")) {
                out.add(f + ":1 — Argo Rollouts analysis aborts a failing rollout");
            } else if (text.matches("(?s).*\\bkind:\\s*Canary\\b.*") && text.contains("analysis:")) {
                out.add(f + ":1 — Flagger analysis rolls back a failing canary");
            }
        }
        return out;
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
