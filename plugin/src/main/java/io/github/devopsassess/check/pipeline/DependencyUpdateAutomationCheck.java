package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import java.util.regex.Pattern;
import java.util.Optional;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;

import io.github.devopsassess.facts.pipeline.DependencyUpdates;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Config;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Entry;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Exclusion;
import io.github.devopsassess.facts.pipeline.DependencyUpdates.Manifest;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.parse.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code dependency-update-automation}: without Dependabot or Renovate, pinned actions, images and libraries age
 * silently and security fixes arrive only when someone remembers. The configurations are read: the ecosystems and
 * directories they cover are compared with the manifests in the tree (which ecosystems are not covered), a directory
 * that does not exist and a configuration that is disabled or empty are findings. Renovate run from outside the
 * repository counts when its bot commits updates or {@code # renovate:} annotations show it. With no automation,
 * a tree of one manifest is a warning, not a failure.
 */
public final class DependencyUpdateAutomationCheck implements Check {

    public static final String ID = "dependency-update-automation";

    @Override
    public String id() {
        return ID;
    }

    /** Folders that demonstrate or test rather than ship. */
    private static final Pattern NOT_PRODUCT = Pattern.compile(
            "(?i)(^|/)(examples?|samples?|demos?|tests?|testdata|fixtures?|docs?|e2e)/");
    private static final Pattern UPDATECLI = Pattern.compile("(^|/)(updatecli(\\.d)?/[^/]+\\.ya?ml|updatecli\\.ya?ml)$");
    private static final Pattern UPDATE_SUBJECT = Pattern.compile("(?i)\\b(bump|update|upgrade|pin)\\b");
    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** It judges the absence of pipelines, so it needs them scanned, not found. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.get(PipelineFacts.class);
        Optional<DependencyUpdates> updates = facts.find(DependencyUpdates.class);
        List<Manifest> manifests = updates.map(DependencyUpdates::manifests).orElse(List.of());
        if (!pipelines.dependencyUpdates().isEmpty()) {
            if (updates.isEmpty()) {
                return Judgement.clean("dependency updates automated by " + String.join(", ",
                        pipelines.dependencyUpdates()));
            }
            return configured(updates.get(), settings);
        }
        List<String> files = facts.find(TreeFacts.class).map(TreeFacts::files).orElse(List.of());
        List<String> updatecli = files.stream().filter(f -> UPDATECLI.matcher(f).find()).limit(3).toList();
        if (!updatecli.isEmpty()) {
            return Judgement.clean("dependency updates automated by updatecli (" + String.join(", ", updatecli) + ")");
        }
        // An organisation-wide bot (Renovate or Dependabot run centrally, a build team's image bot) leaves no
        // configuration here but commits its updates: a bot's update commit in the last year shows the automation.
        Optional<String> bot = facts.find(HistoryFacts.class).filter(HistoryFacts::available).flatMap(h -> h.commits()
                .stream().filter(c -> c.author().bot() && c.commit().commitTime() > h.headTime() - 365 * 86_400L
                        && c.commit().subject() != null && UPDATE_SUBJECT.matcher(c.commit().subject()).find())
                .map(c -> c.author().display()).findFirst());
        if (bot.isPresent()) {
            String summary = "dependency updates automated by " + bot.get() + " (its update commits; no"
                    + " configuration in the repository)";
            Optional<Finding> stale = staleActionPins(facts, pipelines, bot.get(), settings);
            return stale.map(f -> Judgement.of(List.of(f), 1, summary + "; no bot commit of the last year changed"
                    + " a workflow")).orElseGet(() -> Judgement.clean(summary));
        }
        List<String> comments = updates.map(DependencyUpdates::renovateComments).orElse(List.of());
        if (!comments.isEmpty()) {
            return Judgement.clean("dependency updates automated by Renovate, configured outside the repository"
                    + " (# renovate: annotations in " + String.join(", ", comments) + ")");
        }
        if (facts.find(TreeFacts.class).map(TreeFacts::documentsOnly).orElse(false)) {
            return Judgement.inapplicable("nothing to update: the repository holds only documents");
        }
        if (updates.isPresent() && manifests.isEmpty()) {
            return Judgement.inapplicable("nothing to update: no dependency manifest (pom.xml, package.json,"
                    + " go.mod, Dockerfile, workflows, Terraform…) in the tree");
        }
        Map<String, List<Manifest>> byEcosystem = byEcosystem(manifests);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.note("looked for .github/dependabot.yml, renovate.json and their variants"));
        manifests.stream().limit(10).forEach(m -> evidence.add(Evidence.file(m.path()).withNote(m.ecosystem())));
        String what = byEcosystem.isEmpty() ? "actions, images and libraries"
                : Words.plural(manifests.size(), "manifest", "manifests") + " of " + String.join(", ", byEcosystem.keySet());
        String message = "No Dependabot or Renovate configuration was found: " + what
                + (manifests.size() == 1 && !byEcosystem.isEmpty() ? " is" : " are")
                + " updated only when someone remembers.";
        if (pipelines.jobs().stream().noneMatch(Job::production)) {
            // Outdated dependencies hurt where this repository's code runs in production. A library, a sample or a
            // documentation site whose pipelines deploy nothing to production was labelled trivial every time on
            // real repositories: stated, not reported.
            return Judgement.inapplicable("no Dependabot or Renovate configuration (" + what + "), but no pipeline"
                    + " here deploys to production, so nothing outdated reaches production from this repository");
        }
        // one manifest is little to keep up to date: worth a note, not a failure
        Finding finding = updates.isPresent() && manifests.size() <= 1
                ? settings.warn(message, "dependency-updates", evidence)
                : settings.fail(message, "dependency-updates", evidence);
        return Judgement.of(List.of(finding), Math.max(1, byEcosystem.size()),
                "no Dependabot or Renovate configuration");
    }

    /** A workflow or composite action, whose {@code uses:} pins an updater of GitHub Actions would bump. */
    private static final Pattern WORKFLOW = Pattern.compile("^\\.github/(workflows/[^/]+\\.ya?ml|.*action\\.ya?ml)$");

    /**
     * GitHub Actions pinned to commit SHAs in a repository whose updates come from a bot run outside it (no
     * Dependabot or Renovate configuration here): when none of the bot commits of the last year changed a
     * workflow, the bot does not update actions, and the pinned SHAs keep old releases, with their bugs and
     * security fixes missing, until someone bumps them by hand. Pinning is right (unpinned-actions asks for it);
     * a pin nobody updates is the other half of the work.
     */
    private static Optional<Finding> staleActionPins(Facts facts, PipelineFacts pipelines, String bot,
            CheckSettings settings) {
        Map<String, Evidence> pinned = new TreeMap<>();
        pipelines.workflows().forEach(w -> w.jobs().forEach(j -> j.references().forEach(r -> {
            if ("action".equals(r.kind()) && r.pinning() == io.github.devopsassess.facts.pipeline.Pinning.IMMUTABLE
                    && r.at().path().startsWith(".github/")) {
                String name = r.ref().contains("@") ? r.ref().substring(0, r.ref().indexOf('@')) : r.ref();
                pinned.putIfAbsent(name, Evidence.line(r.at().path(), r.at().line()).withNote(name
                        + " pinned to a commit"));
            }
        })));
        if (pinned.isEmpty()) {
            return Optional.empty();
        }
        Optional<HistoryFacts> history = facts.find(HistoryFacts.class).filter(HistoryFacts::available);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        long since = history.get().headTime() - 365 * 86_400L;
        boolean botTouchesWorkflows = history.get().commits().stream()
                .filter(c -> c.author().bot() && c.commit().commitTime() > since)
                .flatMap(c -> c.commit().files().stream())
                .anyMatch(f -> WORKFLOW.matcher(f.path()).find());
        if (botTouchesWorkflows) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(pinned.keySet());
        return Optional.of(settings.warn(Words.plural(names.size(), "GitHub Action is", "GitHub Actions are")
                + " pinned to a commit SHA (" + io.github.devopsassess.check.Listing.some(names, 5, ", ")
                + ") but nothing updates them: there is no Dependabot or Renovate configuration for github-actions"
                + " and no bot commit of the last year (" + bot + " updates other dependencies) changed a workflow, so"
                + " the pins keep old"
                + " releases until someone bumps them by hand. Add a github-actions entry to .github/dependabot.yml"
                + " (or enable Renovate's github-actions manager); it proposes new SHAs as reviewed pull requests.",
                "dependency-updates:actions-pins", pinned.values().stream().limit(10).toList()));
    }

    /** What the configurations cover against the ecosystems in the tree. */
    private static Judgement configured(DependencyUpdates updates, CheckSettings settings) {
        List<Config> readable = updates.configs().stream().filter(Config::readable).toList();
        if (readable.isEmpty()) {
            return Judgement.inapplicable("unknown, because no dependency-update configuration could be read ("
                    + updates.configs().stream().map(Config::path).collect(Collectors.joining(", "))
                    + "; see the problems)");
        }
        List<Config> enabled = readable.stream().filter(Config::enabled).toList();
        List<Finding> findings = new ArrayList<>();
        if (enabled.isEmpty()) {
            List<Evidence> evidence = readable.stream().map(c -> Evidence.line(c.path(), c.line()).withNote(
                    c.tool() + (c.tool().equals("renovate") ? " enabled: false" : " without updates"))).toList();
            findings.add(settings.fail("The dependency-update configuration turns updates off or configures none ("
                    + readable.stream().map(Config::path).collect(Collectors.joining(", ")) + "): nothing is"
                    + " updated although the file suggests it is.", "dependency-updates:disabled", evidence));
            return Judgement.of(findings, 1, "dependency-update configuration present but disabled or empty");
        }
        List<Entry> missing = new ArrayList<>();
        List<Evidence> missingEvidence = new ArrayList<>();
        for (Config c : enabled) {
            for (Entry e : c.entries()) {
                if (!e.exists()) {
                    missing.add(e);
                    missingEvidence.add(Evidence.line(c.path(), e.line()).withNote(e.ecosystem() + " /"
                            + e.directory()));
                }
            }
        }
        if (!missing.isEmpty()) {
            findings.add(settings.warn("The dependency-update configuration names " + missing.size()
                    + " director(ies) that do not exist (" + missing.stream().map(e -> e.ecosystem() + " /"
                            + e.directory()).collect(Collectors.joining(", ")) + "): those updates never run, and"
                    + " the manifests that moved are not covered.", "dependency-updates:missing-directory",
                    missingEvidence));
        }
        Map<String, List<Manifest>> byEcosystem = byEcosystem(updates.manifests());
        Map<String, List<Manifest>> uncovered = new TreeMap<>();
        Map<String, List<Manifest>> excluded = new TreeMap<>();
        Map<String, Map<String, Evidence>> exclusionsUsed = new TreeMap<>();
        Map<String, Integer> coveredCount = new TreeMap<>();
        for (Manifest m : updates.manifests()) {
            Optional<Config> by = coveredBy(enabled, m);
            if (by.isPresent()) {
                Optional<Exclusion> x = by.get().excluding(m);
                if (x.isEmpty()) {
                    coveredCount.merge(m.ecosystem(), 1, Integer::sum);
                    continue;
                }
                excluded.computeIfAbsent(m.ecosystem(), k -> new ArrayList<>()).add(m);
                exclusionsUsed.computeIfAbsent(m.ecosystem(), k -> new java.util.LinkedHashMap<>()).putIfAbsent(
                        by.get().path() + ":" + x.get().line(), Evidence.line(by.get().path(), x.get().line())
                                .withNote(x.get().written()));
            }
            uncovered.computeIfAbsent(m.ecosystem(), k -> new ArrayList<>()).add(m);
        }
        // An ecosystem that ships to production left out entirely by an exclusion of the configuration is a finding;
        // an exclusion of some folders or of test code, and an ecosystem the configuration merely does not list, are
        // stated in the summary (teams narrow the bot on purpose).
        for (var e : excluded.entrySet()) {
            String ecosystem = e.getKey();
            List<Manifest> product = byEcosystem.get(ecosystem).stream()
                    .filter(m -> !NOT_PRODUCT.matcher(m.path()).find()).toList();
            if (ecosystem.equals("github-actions") || product.isEmpty() || coveredCount.containsKey(ecosystem)
                    || !e.getValue().containsAll(product)) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>(exclusionsUsed.get(ecosystem).values());
            product.stream().limit(3).forEach(m -> evidence.add(Evidence.file(m.path()).withNote(ecosystem
                    + " manifest left out")));
            findings.add(settings.warn("The dependency-update configuration leaves every " + ecosystem
                    + " manifest out (" + Words.plural(product.size(), "manifest", "manifests") + ", e.g. "
                    + product.get(0).path() + ") by " + exclusionsUsed.get(ecosystem).values().stream()
                            .map(x -> x.note() + " at " + x.path() + ":" + x.startLine())
                            .collect(Collectors.joining(", "))
                    + ": those dependencies age silently although the bot runs.",
                    "dependency-updates:excluded:" + ecosystem, evidence));
        }
        // Ecosystems the configuration leaves out are stated, not reported: teams restrict it on purpose
        // ("enabledManagers": ["terraform"]), and real repositories showed the bot updating the rest anyway or the
        // rest being a test harness (all five such findings were labelled trivial or wrong).
        Map<String, List<Manifest>> unlisted = new TreeMap<>();
        uncovered.forEach((eco, list) -> list.stream().filter(m -> !excluded.getOrDefault(eco, List.of()).contains(m))
                .forEach(m -> unlisted.computeIfAbsent(eco, k -> new ArrayList<>()).add(m)));
        String notCovered = unlisted.isEmpty() ? "" : "; not in the configuration: " + unlisted.entrySet().stream()
                .map(e -> e.getKey() + " (" + Words.plural(e.getValue().size(), "manifest", "manifests") + ", e.g. "
                        + e.getValue().get(0).path() + ")").collect(Collectors.joining(", "));
        notCovered += excluded.isEmpty() ? "" : "; excluded by the configuration: " + excluded.entrySet().stream()
                .map(e -> e.getKey() + " (" + Words.plural(e.getValue().size(), "manifest", "manifests") + ", e.g. "
                        + e.getValue().get(0).path() + ", by " + exclusionsUsed.get(e.getKey()).values().stream()
                                .map(x -> x.note() + " at " + x.path() + ":" + x.startLine())
                                .collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        String tools = enabled.stream().map(c -> c.tool() + " (" + c.path() + ")").distinct()
                .collect(Collectors.joining(", "));
        int judged = Math.max(1, byEcosystem.size());
        String summary = "dependency updates by " + tools + " cover " + (byEcosystem.size() - uncovered.size())
                + " of " + Words.plural(byEcosystem.size(), "ecosystem", "ecosystems") + " in the tree" + notCovered;
        // Renovate without enabledManagers of its own updates every manager unless a preset says otherwise; a preset
        // kept in another repository (github>org/renovate-config) may restrict managers or paths, or turn it off
        List<String> unknownPresets = enabled.stream().filter(c -> c.tool().equals("renovate") && c.allEcosystems())
                .flatMap(c -> c.unreadablePresets().stream()).distinct().toList();
        if (!unknownPresets.isEmpty()) {
            summary = "unknown, because the preset" + (unknownPresets.size() == 1
                    ? " " + unknownPresets.get(0) + " is" : "s " + String.join(", ", unknownPresets) + " are")
                    + " not in this repository: a preset may set enabledManagers, ignorePaths or enabled: false;"
                    + " without " + (unknownPresets.size() == 1 ? "it, " : "them, ") + summary;
            if (findings.isEmpty()) {
                return Judgement.inapplicable(summary);
            }
        }
        return findings.isEmpty() ? Judgement.clean(judged, summary) : Judgement.of(findings, judged, summary);
    }

    /**
     * The enabled configuration that would update this manifest (its ecosystem, in its folder): one that does not
     * exclude it if there is one.
     */
    private static Optional<Config> coveredBy(List<Config> configs, Manifest m) {
        List<Config> covering = configs.stream().filter(c -> covered(c, m)).toList();
        return covering.stream().filter(c -> c.excluding(m).isEmpty()).findFirst()
                .or(() -> covering.stream().findFirst());
    }

    /** Whether this configuration names the manifest's ecosystem and folder. */
    private static boolean covered(Config c, Manifest m) {
        if (c.allEcosystems()) {
            return true;
        }
        for (Entry e : c.entries()) {
            if (!e.ecosystem().equals(m.ecosystem())) {
                continue;
            }
            // Renovate managers search the whole tree; Dependabot's github-actions reads .github/workflows
            if (e.directory() == null || m.ecosystem().equals("github-actions")
                    || e.directory().equals(m.folder())
                    || e.directory().contains("*") && Glob.of(e.directory()).matches(m.folder())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<Manifest>> byEcosystem(List<Manifest> manifests) {
        Map<String, List<Manifest>> out = new TreeMap<>();
        manifests.forEach(m -> out.computeIfAbsent(m.ecosystem(), k -> new ArrayList<>()).add(m));
        return out;
    }
}
