package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.Keys;
import io.github.devopsassess.facts.environment.Setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code environment-key-drift}: keys that one environment of a family sets and another does not (a Spring profile,
 * a Helm values file, a kustomize overlay). Keys expected to differ between environments — addresses and
 * credentials, see {@link #EXPECTED_TO_DIFFER} — are left out. The ratio of drifted keys to all keys is compared
 * with the {@code fail} and {@code warn} thresholds.
 */
public final class KeyDriftCheck extends EnvironmentCheck {

    public static final String ID = "environment-key-drift";

    /**
     * Words of a key that mark a value expected to differ per environment (documented in docs/inputs.adoc): addresses,
     * hosts, credentials and account names.
     */
    public static final Set<String> EXPECTED_TO_DIFFER = Set.of("url", "urls", "uri", "host", "hosts", "hostname",
            "endpoint", "domain", "address", "password", "passwd", "secret", "token", "key", "username", "user",
            "credentials", "certificate", "cert", "namespace");

    /** How many missing keys a finding shows as evidence. */
    private static final int EVIDENCE_KEYS = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(EnvironmentFacts env, Facts facts, CheckSettings settings) {
        int total = 0;
        int drifted = 0;
        int families = 0;
        List<Finding> fails = new ArrayList<>();
        List<Finding> warns = new ArrayList<>();
        for (var group : EnvironmentGroups.byGroupAndEnvironment(env.definitions()).entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            Map<String, Map<String, Setting>> keysByEnv = new LinkedHashMap<>();
            group.getValue().forEach((e, defs) -> keysByEnv.put(e, keys(defs)));
            Set<String> all = new TreeSet<>();
            keysByEnv.values().forEach(k -> all.addAll(k.keySet()));
            if (all.isEmpty()) {
                continue;
            }
            families++;
            total += all.size();
            drifted += (int) all.stream().filter(k -> keysByEnv.values().stream().anyMatch(m -> !m.containsKey(k)))
                    .count();
            for (var e : group.getValue().entrySet()) {
                Map<String, Setting> missing = new TreeMap<>();
                Map<String, String> setIn = new TreeMap<>();
                for (var other : keysByEnv.entrySet()) {
                    for (var s : other.getValue().entrySet()) {
                        if (!keysByEnv.get(e.getKey()).containsKey(s.getKey())) {
                            missing.putIfAbsent(s.getKey(), s.getValue());
                            setIn.merge(s.getKey(), other.getKey(), (a, b) -> a + ", " + b);
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    Finding f = finding(settings, group.getKey(), e.getKey(), primary(e.getValue()), missing, setIn);
                    fails.add(f);
                    warns.add(settings.warn(f.message(), f.subject(), f.evidence()));
                }
            }
        }
        if (families == 0) {
            return Judgement.inapplicable("no configuration is defined for two or more environments of one family");
        }
        double ratio = (double) drifted / total;
        double fail = settings.threshold("fail", 0.10);
        double warn = settings.threshold("warn", 0.05);
        String summary = drifted + " of " + Words.plural(total, "key", "keys")
                + String.format(java.util.Locale.ROOT, " (%.0f%%) %s between environments in %s (fails above %.0f%%)",
                        ratio * 100, Words.noun(drifted, "differs", "differ"),
                        Words.plural(families, "family", "families"), fail * 100);
        Map<String, Object> metrics = Map.of("environmentKeyDriftRatio", Math.round(ratio * 1000) / 1000.0);
        if (ratio > fail) {
            return Judgement.of(fails, total, summary).lost(drifted / (2 * Math.max(fail, 0.01))).metrics(metrics);
        }
        if (ratio > warn) {
            return Judgement.of(warns, total, summary).lost(drifted / (2 * Math.max(fail, 0.01))).metrics(metrics);
        }
        return Judgement.clean(summary).metrics(metrics);
    }

    /**
     * The definition that stands for an environment on the "not set" side: the one with the most keys (its own
     * profile file rather than a document of a shared file).
     */
    private static EnvironmentDefinition primary(List<EnvironmentDefinition> defs) {
        EnvironmentDefinition best = defs.get(0);
        for (EnvironmentDefinition d : defs) {
            if (d.settings().size() > best.settings().size()) {
                best = d;
            }
        }
        return best;
    }

    /** The environment's keys, excluding those expected to differ; the first definition wins for a key. */
    private static Map<String, Setting> keys(List<EnvironmentDefinition> defs) {
        Map<String, Setting> out = new TreeMap<>();
        for (EnvironmentDefinition d : defs) {
            for (Setting s : d.settings()) {
                if (!s.secret() && Keys.words(s.displayKey()).stream().noneMatch(EXPECTED_TO_DIFFER::contains)) {
                    out.putIfAbsent(s.key(), s);
                }
            }
        }
        return out;
    }

    private static Finding finding(CheckSettings settings, String group, String environment,
            EnvironmentDefinition lacking, Map<String, Setting> missing, Map<String, String> setIn) {
        List<String> shown = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (var m : missing.entrySet()) {
            if (shown.size() == EVIDENCE_KEYS) {
                break;
            }
            Setting s = m.getValue();
            shown.add(s.displayKey());
            evidence.add(Evidence.line(s.path(), s.line()).withNote(s.displayKey() + " is set for "
                    + setIn.get(m.getKey())));
            evidence.add(EnvironmentGroups.at(lacking, s.displayKey() + " is not set for " + environment));
        }
        String more = missing.size() > shown.size() ? " and " + (missing.size() - shown.size()) + " more" : "";
        String message = Words.plural(missing.size(), "key", "keys") + " of " + EnvironmentGroups.describe(group) + " "
                + Words.noun(missing.size(), "is", "are") + " set for other "
                + "environments but not for " + environment + " (" + String.join(", ", shown) + more + "): the environments run different "
                + "configurations, so a setting is first tried where it is used.";
        return settings.fail(message, group + " " + environment, evidence);
    }
}
