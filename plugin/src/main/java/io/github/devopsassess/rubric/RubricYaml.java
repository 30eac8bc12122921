package io.github.devopsassess.rubric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes an effective rubric (after {@code extends}) as a self-contained rubric document: what {@code devops:rubric}
 * prints, and what a team can read to see every threshold that applies to it. Loading the output gives the same
 * rubric.
 */
public final class RubricYaml {

    private RubricYaml() {
    }

    public static String write(Rubric rubric) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", rubric.version());
        root.put("name", rubric.name());
        if (rubric.ladder() != null) {
            root.put("ladder", rubric.ladder());
        }
        Map<String, Object> areas = new LinkedHashMap<>();
        for (AreaDef a : rubric.areas().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", a.title());
            m.put("weight", number(a.weight()));
            putText(m, "antiPattern", a.antiPattern());
            putText(m, "description", a.description());
            areas.put(a.id(), m);
        }
        root.put("areas", areas);
        Map<String, Object> levels = new LinkedHashMap<>();
        for (LevelDef l : rubric.levels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", l.title());
            m.put("minScore", l.minScore());
            putText(m, "description", l.description());
            levels.put(l.id(), m);
        }
        root.put("levels", levels);
        if (!rubric.profiles().isEmpty()) {
            Map<String, Object> profiles = new LinkedHashMap<>();
            for (ProfileDef p : rubric.profiles().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                putText(m, "description", p.description());
                if (!p.include().isEmpty()) {
                    m.put("include", p.include());
                }
                if (!p.exclude().isEmpty()) {
                    m.put("exclude", p.exclude());
                }
                profiles.put(p.id(), m);
            }
            root.put("profiles", profiles);
        }
        Map<String, Object> checks = new LinkedHashMap<>();
        for (CheckDef c : rubric.checks().values()) {
            checks.put(c.id(), check(c));
        }
        root.put("checks", checks);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(116)
                .setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true).build();
        StringBuilder header = new StringBuilder("# Effective rubric");
        if (rubric.profile() != null) {
            header.append(", profile ").append(rubric.profile());
        }
        header.append(", from: ").append(String.join(" -> ", rubric.sources())).append('\n');
        return header + new Dump(settings).dumpToString(root);
    }

    private static Map<String, Object> check(CheckDef c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area", c.area());
        m.put("title", c.title());
        m.put("severity", c.severity().id());
        m.put("weight", number(c.weight()));
        if (!c.enabled()) {
            m.put("enabled", false);
        }
        if (c.level() != null) {
            m.put("level", c.level());
        }
        if (c.custom() != null) {
            m.put("type", c.custom().type().id());
            if (!c.custom().files().isEmpty()) {
                m.put("files", c.custom().files().size() == 1 ? c.custom().files().get(0) : c.custom().files());
            }
            if (c.custom().require() != null) {
                m.put("require", c.custom().require().text());
            }
            putText(m, "message", c.custom().message());
        }
        if (c.input() != null) {
            m.put("input", c.input());
        }
        if (c.implementation() != null) {
            m.put("class", c.implementation());
        }
        if (!c.isCustom()) {
            m.put("scoring", c.scoring().policy().id());
        }
        if (!c.scoring().steps().isEmpty()) {
            List<Map<String, Object>> steps = new java.util.ArrayList<>();
            for (Scoring.Step step : c.scoring().steps()) {
                Map<String, Object> st = new LinkedHashMap<>();
                st.put(step.atMost() ? "atMost" : "atLeast", step.bound().matches("-?\\d+(\\.\\d+)?")
                        ? number(Double.parseDouble(step.bound())) : step.bound());
                st.put("score", number(step.score()));
                steps.add(st);
            }
            m.put("ladder", steps);
        }
        if (!c.thresholds().isEmpty()) {
            Map<String, Object> t = new LinkedHashMap<>();
            c.thresholds().forEach((k, v) -> t.put(k, v instanceof Number n ? number(n.doubleValue()) : v));
            m.put("thresholds", t);
        }
        putText(m, "description", c.description());
        putText(m, "remediation", c.remediation());
        Map<String, Object> docs = new LinkedHashMap<>();
        putText(docs, "source", c.docs().source());
        putText(docs, "why", c.docs().why());
        putText(docs, "example", c.docs().example());
        putText(docs, "guards", c.docs().guards());
        if (!docs.isEmpty()) {
            m.put("docs", docs);
        }
        return m;
    }

    private static void putText(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    /** Whole numbers as integers, so that "weight: 2" stays "2" and not "2.0". */
    static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }
}
