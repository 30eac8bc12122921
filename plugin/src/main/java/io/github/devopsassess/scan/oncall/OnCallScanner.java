package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Person;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.source.RepoTree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds on-call configuration in the assessed tree and reads it into one {@link OnCallFacts} model:
 * <ul>
 * <li>Terraform: every folder with a {@code *.tf} file declaring a {@code pagerduty_*}, {@code opsgenie_*} or
 * {@code grafana_oncall_*} resource is read as one module;</li>
 * <li>JSON whose path names PagerDuty, Opsgenie or on-call: PagerDuty REST API v2 exports and Opsgenie API
 * responses, recognised by their keys;</li>
 * <li>YAML in the Cloud Posse Opsgenie layout ({@code schedules.yaml}, {@code schedule_rotations.yaml},
 * {@code escalations.yaml}, … or any YAML under an {@code opsgenie} folder);</li>
 * <li>{@code oncall.yaml} / {@code oncall.yml} of our own design.</li>
 * </ul>
 */
public final class OnCallScanner implements Scanner {

    private static final Set<String> CLOUDPOSSE_MARKERS = Set.of("schedules", "schedule_rotations", "escalations",
            "team_routing_rules");
    private static final Set<String> CLOUDPOSSE_FILES = Set.of("schedules", "schedule_rotations", "escalations",
            "team_routing_rules", "teams", "services", "users");

    /**
     * Folders of examples and test fixtures: a Terraform module's {@code examples/config} shows how to configure it
     * with "Opsgenie Test User", not who is on call.
     */
    private static final Set<String> NOT_THE_TEAMS = Set.of("examples", "example", "test", "tests", "testdata",
            "test-fixtures", "fixtures", "__tests__", "spec");

    @Override
    public String id() {
        return "oncall";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        OnCallModel model = new OnCallModel(facts);
        Map<String, List<String>> tfModules = new TreeMap<>();
        List<String> jsonFiles = new ArrayList<>();
        List<String> yamlFiles = new ArrayList<>();
        List<String> plainFiles = new ArrayList<>();
        Set<String> cloudPosseFolders = new java.util.TreeSet<>();
        for (String f : tree.files()) {
            if (exampleOrTest(f)) {
                continue;
            }
            String name = f.substring(f.lastIndexOf('/') + 1);
            String lower = f.toLowerCase(Locale.ROOT);
            String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
                tfModules.computeIfAbsent(folder(f), k -> new ArrayList<>()).add(f);
            } else if (name.equals("oncall.yaml") || name.equals("oncall.yml") || name.equals(".oncall.yaml")) {
                plainFiles.add(f);
            } else if (lower.endsWith(".json") && (lower.contains("pagerduty") || lower.contains("opsgenie")
                    || lower.contains("oncall") || lower.contains("on-call"))) {
                jsonFiles.add(f);
            } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                if (lower.contains("opsgenie/") || CLOUDPOSSE_MARKERS.contains(base)) {
                    yamlFiles.add(f);
                    cloudPosseFolders.add(folder(f));
                }
            }
        }
        // Cloud Posse keeps teams, services and users beside the schedules: read them too
        for (String f : tree.files()) {
            if (exampleOrTest(f)) {
                continue;
            }
            String name = f.substring(f.lastIndexOf('/') + 1);
            String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (cloudPosseFolders.contains(folder(f)) && CLOUDPOSSE_FILES.contains(base)
                    && (name.endsWith(".yaml") || name.endsWith(".yml")) && !yamlFiles.contains(f)) {
                yamlFiles.add(f);
            }
        }
        TerraformReader terraform = new TerraformReader(model);
        for (Map.Entry<String, List<String>> module : tfModules.entrySet()) {
            if (mentionsOnCall(tree, module.getValue(), model)) {
                terraform.readModule(tree, module.getValue());
            }
        }
        YamlReader yaml = new YamlReader();
        jsonFiles.stream().sorted().forEach(f -> readJson(tree, yaml, f, model));
        yamlFiles.stream().sorted().forEach(f -> readCloudPosse(tree, yaml, f, model));
        plainFiles.stream().sorted().forEach(f -> readPlain(tree, yaml, f, model));
        OnCallFacts result = new OnCallAssembler(model).assemble(reference(facts, model), referenceSource(facts,
                model));
        People names = facts.find(People.class).orElseGet(() -> People.withoutHistory(context.options().showNames(),
                context.options().pseudonyms()));
        facts.put(OnCallFacts.class, named(result, names));
        if (!result.people().isEmpty()) {
            // the lines an excerpt quotes name these people too: the one rule of every page applies there as well
            facts.put(People.class, names.withOnCall(onCallPeople(result)));
        }
    }

    /** Id → name as the files give them, of everyone on call who is a person (shared accounts keep their name). */
    static Map<String, String> onCallPeople(OnCallFacts f) {
        Map<String, String> people = new TreeMap<>();
        f.people().forEach((id, p) -> {
            if (!p.shared()) {
                people.put(id, p.name());
            }
        });
        return people;
    }

    /**
     * People on call appear as stable pseudonyms unless the team shows names, like authors in history: the report is
     * about how the rota is built, not about who is on it. Someone who also commits (by e-mail, name or handle, see
     * {@link People}) keeps the pseudonym — or, when names are shown, the name — history gave them, so one person is
     * named one way on every page. Shared accounts keep their name: they are not a person.
     */
    static OnCallFacts named(OnCallFacts f, People names) {
        Map<String, Person> people = new TreeMap<>();
        f.people().forEach((id, p) -> people.put(id, p.shared() ? p : new Person(id, names.person(id, p.name()),
                false)));
        return new OnCallFacts(f.files(), f.schedules(), f.policies(), f.services(), f.teams(), people, f.vendors(),
                f.referenceTime(), f.referenceSource(), f.coverage());
    }

    /** Whether a path lies in a folder of examples or test fixtures. */
    static boolean exampleOrTest(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (NOT_THE_TEAMS.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsOnCall(RepoTree tree, List<String> files, OnCallModel model) {
        Map<String, String> skipped = new TreeMap<>();
        for (String f : files) {
            RepoTree.TextRead read = tree.readText(f);
            if (read.ok() && TerraformReader.ON_CALL_RESOURCE.matcher(read.text()).find()) {
                return true; // the module reader reports the skipped files itself
            } else if (!read.ok() && !"missing".equals(read.skipped())) {
                skipped.put(f, read.skipped());
            }
        }
        // A skipped module file could hold the schedules; say so instead of silently finding no on-call.
        skipped.forEach((f, why) -> model.problem(f, null, "file skipped: " + why));
        return false;
    }

    private static Optional<YamlNode> parse(RepoTree tree, YamlReader yaml, String path, OnCallModel model) {
        RepoTree.TextRead read = tree.readText(path);
        if (!read.ok()) {
            model.problem(path, null, "file skipped: " + read.skipped());
            return Optional.empty();
        }
        YamlReader.Result result = yaml.read(path, read.text());
        if (result.problem().isPresent()) {
            model.facts.problem(result.problem().get());
            return Optional.empty();
        }
        return result.first();
    }

    private static void readJson(RepoTree tree, YamlReader yaml, String path, OnCallModel model) {
        Optional<YamlNode> root = parse(tree, yaml, path, model);
        if (root.isEmpty()) {
            return;
        }
        model.files.add(path);
        new ApiJsonReader(model, path).read(root.get());
    }

    private static void readCloudPosse(RepoTree tree, YamlReader yaml, String path, OnCallModel model) {
        Optional<YamlNode.Mapping> root = parse(tree, yaml, path, model).flatMap(YamlNode::asMapping);
        if (root.isEmpty()) {
            return;
        }
        model.files.add(path);
        OpsgenieMapper og = new OpsgenieMapper(model, path, false);
        YamlNode.Mapping m = root.get();
        Nodes.blocks(m, "schedules").forEach(s -> og.schedule(Nodes.text(s, "name").orElse("schedule@" + s.line()),
                s));
        Nodes.blocks(m, "schedule_rotations").forEach(r -> og.detachedRotation(r, null));
        Nodes.blocks(m, "escalations").forEach(e -> og.escalation(Nodes.text(e, "name").orElse("escalation@"
                + e.line()), e));
        Nodes.blocks(m, "teams").forEach(t -> og.team(Nodes.text(t, "name").orElse("team@" + t.line()), t));
        Nodes.blocks(m, "users").forEach(u -> Nodes.text(u, "username").ifPresent(id -> og.user(id, u)));
        Nodes.blocks(m, "services").forEach(s -> og.service(Nodes.text(s, "name").orElse("service@" + s.line()),
                s));
        Nodes.blocks(m, "team_routing_rules").forEach(og::routingRule);
    }

    private static void readPlain(RepoTree tree, YamlReader yaml, String path, OnCallModel model) {
        Optional<YamlNode> root = parse(tree, yaml, path, model);
        if (root.isEmpty()) {
            return;
        }
        if (root.get().asMapping().isEmpty()) {
            model.problem(path, root.get().line(), "oncall.yaml must be a mapping with rotations, escalations and "
                    + "services");
            return;
        }
        model.files.add(path);
        new PlainOnCallReader(model, path).read(root.get().asMapping().get());
    }

    /** The commit time of the assessed commit, else the latest date in the on-call files: never the clock. */
    private static Instant reference(Facts.Builder facts, OnCallModel model) {
        Optional<HistoryFacts> history = facts.find(HistoryFacts.class).filter(HistoryFacts::available);
        if (history.isPresent() && history.get().headTime() > 0) {
            return Instant.ofEpochSecond(history.get().headTime());
        }
        return model.datesSeen.stream().max(Comparator.naturalOrder()).orElse(null);
    }

    private static String referenceSource(Facts.Builder facts, OnCallModel model) {
        Optional<HistoryFacts> history = facts.find(HistoryFacts.class).filter(HistoryFacts::available);
        if (history.isPresent() && history.get().headTime() > 0) {
            return "time of the assessed commit";
        }
        return model.datesSeen.isEmpty() ? "no date known; start and end dates ignored"
                : "latest date written in the on-call files";
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
