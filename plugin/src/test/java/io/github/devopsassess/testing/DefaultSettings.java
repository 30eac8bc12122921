package io.github.devopsassess.testing;

import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;

import java.util.HashMap;
import java.util.Map;

/** Check settings from the default rubric, optionally with changed thresholds, for calling a check directly. */
public final class DefaultSettings {

    private DefaultSettings() {
    }

    public static CheckSettings of(String id) {
        return of(id, Map.of());
    }

    public static CheckSettings of(String id, Map<String, Object> thresholds) {
        try {
            CheckDef def = new RubricLoader(DefaultSettings.class.getClassLoader())
                    .loadDefault().checks().get(id);
            Map<String, Object> t = new HashMap<>(def.thresholds());
            t.putAll(thresholds);
            return new CheckSettings(new CheckDef(def.id(), def.area(), def.title(), def.severity(), def.weight(),
                    def.enabled(), t, def.description(), def.remediation(), def.level(), def.custom(), def.docs(),
                    def.input(), def.implementation(), def.scoring()));
        } catch (RubricException e) {
            throw new IllegalStateException(e);
        }
    }
}
