package io.github.devopsassess.check;

import io.github.devopsassess.check.accesscontrol.AdminAccessCheck;
import io.github.devopsassess.check.accesscontrol.CodeownersSyntaxCheck;
import io.github.devopsassess.check.accesscontrol.CriticalPathOwnersCheck;
import io.github.devopsassess.check.accesscontrol.DefaultBranchProtectionCheck;
import io.github.devopsassess.check.accesscontrol.DirectPushesCheck;
import io.github.devopsassess.check.accesscontrol.ProductionEnvironmentReviewersCheck;
import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.knowledgesilos.IndividualOwnersCheck;
import io.github.devopsassess.check.knowledgesilos.OwnershipHistoryMismatchCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorDirectoriesCheck;
import io.github.devopsassess.check.knowledgesilos.StaleOwnersCheck;
import io.github.devopsassess.check.knowledgesilos.TruckFactorCheck;
import io.github.devopsassess.check.knowledgesilos.UnownedFilesCheck;
import io.github.devopsassess.check.sharedresponsibility.OptionalOwnershipSectionsCheck;
import io.github.devopsassess.check.sharedresponsibility.OwnerConcentrationCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check this version implements, by id. */
public final class BuiltInChecks {

    private BuiltInChecks() {
    }

    public static List<Check> all() {
        return List.of(new TruckFactorCheck(), new SingleAuthorDirectoriesCheck(), new PipelineDefinedCheck(),
                // ownership and access (issue 5)
                new UnownedFilesCheck(), new IndividualOwnersCheck(), new StaleOwnersCheck(),
                new OwnershipHistoryMismatchCheck(), new CodeownersSyntaxCheck(), new CriticalPathOwnersCheck(),
                new DefaultBranchProtectionCheck(), new AdminAccessCheck(), new ProductionEnvironmentReviewersCheck(),
                new DirectPushesCheck(), new OwnerConcentrationCheck(), new OptionalOwnershipSectionsCheck());
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
