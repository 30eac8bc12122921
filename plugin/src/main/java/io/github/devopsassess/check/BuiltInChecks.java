package io.github.devopsassess.check;

import io.github.devopsassess.check.accesscontrol.DangerousPullRequestTargetCheck;
import io.github.devopsassess.check.accesscontrol.FreeTextDeployInputCheck;
import io.github.devopsassess.check.accesscontrol.InheritedSecretsCheck;
import io.github.devopsassess.check.accesscontrol.ProductionEnvironmentProtectionCheck;
import io.github.devopsassess.check.accesscontrol.WorkflowTokenPermissionsCheck;
import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.incidentresponse.IgnoredFailuresCheck;
import io.github.devopsassess.check.incidentresponse.NoRollbackPathCheck;
import io.github.devopsassess.check.incidentresponse.SkippedTestsCheck;
import io.github.devopsassess.check.process.InconsistentGatingCheck;
import io.github.devopsassess.check.process.ManualOnlyDeploysCheck;
import io.github.devopsassess.check.process.ProductionApprovalGatesCheck;
import io.github.devopsassess.check.process.SerialStageChainCheck;
import io.github.devopsassess.check.sharedresponsibility.SilentProductionDeploysCheck;
import io.github.devopsassess.check.thirdparty.DependencyUpdateAutomationCheck;
import io.github.devopsassess.check.thirdparty.UnpinnedActionsCheck;
import io.github.devopsassess.check.thirdparty.UnpinnedImagesCheck;
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
                // --- pipeline checks (issue 3) ---
                new ProductionApprovalGatesCheck(), new InconsistentGatingCheck(), new SerialStageChainCheck(),
                new ManualOnlyDeploysCheck(), new ProductionEnvironmentProtectionCheck(),
                new WorkflowTokenPermissionsCheck(), new FreeTextDeployInputCheck(),
                new DangerousPullRequestTargetCheck(), new InheritedSecretsCheck(), new UnpinnedActionsCheck(),
                new UnpinnedImagesCheck(), new DependencyUpdateAutomationCheck(), new IgnoredFailuresCheck(),
                new SkippedTestsCheck(), new NoRollbackPathCheck(), new SilentProductionDeploysCheck());
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
