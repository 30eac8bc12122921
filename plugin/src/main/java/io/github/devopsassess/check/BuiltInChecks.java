package io.github.devopsassess.check;

import io.github.devopsassess.check.accesscontrol.EnvironmentCredentialsCheck;
import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.environmentparity.DevEnvironmentAsCodeCheck;
import io.github.devopsassess.check.environmentparity.EnvironmentToolingCheck;
import io.github.devopsassess.check.environmentparity.KeyDriftCheck;
import io.github.devopsassess.check.environmentparity.MissingEnvironmentCheck;
import io.github.devopsassess.check.environmentparity.RuntimeDriftCheck;
import io.github.devopsassess.check.environmentparity.VersionDriftCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorDirectoriesCheck;
import io.github.devopsassess.check.knowledgesilos.TruckFactorCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check this version implements, by id. */
public final class BuiltInChecks {

    private BuiltInChecks() {
    }

    public static List<Check> all() {
        return List.of(new TruckFactorCheck(), new SingleAuthorDirectoriesCheck(), new PipelineDefinedCheck(),
                new KeyDriftCheck(), new VersionDriftCheck(), new RuntimeDriftCheck(), new MissingEnvironmentCheck(),
                new DevEnvironmentAsCodeCheck(), new EnvironmentToolingCheck(), new EnvironmentCredentialsCheck());
    }

    public static Map<String, Check> byId() {
        Map<String, Check> map = new LinkedHashMap<>();
        for (Check c : all()) {
            if (map.put(c.id(), c) != null) {
                throw new IllegalStateException("two checks share the id " + c.id());
            }
        }
        return map;
    }
}
