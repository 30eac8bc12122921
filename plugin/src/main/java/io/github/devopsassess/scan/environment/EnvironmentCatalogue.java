package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.parse.YamlNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * A JSON catalogue of an application's environments, as platform teams keep them
 * ({@code environments/<application>.json} with {@code "environments": [{"name": "development", …}]}). Only the
 * environment names are used: they say which environments the platform provides.
 */
final class EnvironmentCatalogue {

    static final String SYSTEM = "catalogue";

    private final Inputs in;

    EnvironmentCatalogue(Inputs in) {
        this.in = in;
    }

    void read(Consumer<EnvironmentDefinition> out) {
        for (String path : in.files()) {
            if (!path.endsWith(".json") || !Inputs.fileName(Inputs.folder(path)).equals("environments")) {
                continue;
            }
            in.mapping(path, "environment catalogue").ifPresent(root -> {
                for (YamlNode node : root.list("environments")) {
                    node.asMapping().flatMap(env -> env.string("name")).ifPresent(name -> out.accept(
                            new EnvironmentDefinition(SYSTEM, path, name, EnvironmentNames.normalise(name), path,
                                    node.line(), List.of(), List.of(), List.of())));
                }
            });
        }
    }
}
