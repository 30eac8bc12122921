package io.github.devopsassess.check;

import io.github.devopsassess.check.delivery.ChangeFailureRateCheck;
import io.github.devopsassess.check.delivery.DeploymentFrequencyCheck;
import io.github.devopsassess.check.delivery.LeadTimeForChangesCheck;
import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.knowledgesilos.ContributorAbsenceCheck;
import io.github.devopsassess.check.knowledgesilos.ExemptAreaCheck;
import io.github.devopsassess.check.knowledgesilos.KnowledgeLossCheck;
import io.github.devopsassess.check.knowledgesilos.ModuleTruckFactorCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorDirectoriesCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorHotspotsCheck;
import io.github.devopsassess.check.knowledgesilos.TruckFactorCheck;
import io.github.devopsassess.check.sharedresponsibility.DevopsPersonCheck;
import io.github.devopsassess.check.sharedresponsibility.ReviewSignalsCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check this version implements, by id. */
public final class BuiltInChecks {

    private BuiltInChecks() {
    }

    public static List<Check> all() {
        return List.of(new TruckFactorCheck(), new SingleAuthorDirectoriesCheck(), new PipelineDefinedCheck(),
                // --- history analytics (issue 13) ---
                new ModuleTruckFactorCheck(), new ContributorAbsenceCheck(), new KnowledgeLossCheck(),
                new SingleAuthorHotspotsCheck(), new ExemptAreaCheck(), new DevopsPersonCheck(),
                new ReviewSignalsCheck(), new DeploymentFrequencyCheck(), new LeadTimeForChangesCheck(),
                new ChangeFailureRateCheck());
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
