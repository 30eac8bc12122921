package io.github.devopsassess.check.environment;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.DevSetup;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentMatrix;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.Setting;

import java.util.ArrayList;
import java.util.List;

/** Hand-made environment facts for check tests that need one precise situation. */
final class EnvironmentFactsBuilder {

    private final List<EnvironmentDefinition> definitions = new ArrayList<>();
    private final List<DevSetup> setups = new ArrayList<>();

    /** A definition whose settings are {@code key=value} strings on consecutive lines. */
    EnvironmentFactsBuilder define(String system, String family, String name, String path, String... settings) {
        List<Setting> list = new ArrayList<>();
        for (int i = 0; i < settings.length; i++) {
            String[] kv = settings[i].split("=", 2);
            list.add(Setting.of(kv[0], kv.length > 1 ? kv[1] : "", path, i + 1));
        }
        definitions.add(new EnvironmentDefinition(system, family, name, EnvironmentNames.normalise(name), path, 1,
                list, List.of(), List.of()));
        return this;
    }

    EnvironmentFactsBuilder image(String system, String family, String name, String path, String image) {
        definitions.add(new EnvironmentDefinition(system, family, name, EnvironmentNames.normalise(name), path, 1,
                List.of(), List.of(ImageRef.parse("app", image, path, 4)), List.of()));
        return this;
    }

    EnvironmentFactsBuilder devSetup(String kind, String path) {
        setups.add(new DevSetup(kind, path, 1));
        return this;
    }

    Facts build() {
        return Facts.builder().put(EnvironmentFacts.class, new EnvironmentFacts(definitions, setups,
                EnvironmentMatrix.of(definitions, List.of()))).build();
    }
}
