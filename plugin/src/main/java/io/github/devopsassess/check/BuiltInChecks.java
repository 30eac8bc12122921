package io.github.devopsassess.check;

import io.github.devopsassess.check.accesscontrol.AdminAccessCheck;
import io.github.devopsassess.check.accesscontrol.CodeownersSyntaxCheck;
import io.github.devopsassess.check.accesscontrol.CriticalPathOwnersCheck;
import io.github.devopsassess.check.accesscontrol.DangerousPullRequestTargetCheck;
import io.github.devopsassess.check.accesscontrol.DefaultBranchProtectionCheck;
import io.github.devopsassess.check.accesscontrol.DirectPushesCheck;
import io.github.devopsassess.check.accesscontrol.EnvironmentCredentialsCheck;
import io.github.devopsassess.check.accesscontrol.FreeTextDeployInputCheck;
import io.github.devopsassess.check.accesscontrol.InheritedSecretsCheck;
import io.github.devopsassess.check.accesscontrol.ProductionEnvironmentProtectionCheck;
import io.github.devopsassess.check.accesscontrol.ProductionEnvironmentReviewersCheck;
import io.github.devopsassess.check.accesscontrol.WorkflowTokenPermissionsCheck;
import io.github.devopsassess.check.blamelessculture.BlamingLanguageCheck;
import io.github.devopsassess.check.blamelessculture.LessonsSectionCheck;
import io.github.devopsassess.check.blamelessculture.NamedIndividualsCheck;
import io.github.devopsassess.check.delivery.ChangeFailureRateCheck;
import io.github.devopsassess.check.delivery.DeploymentFrequencyCheck;
import io.github.devopsassess.check.delivery.LeadTimeForChangesCheck;
import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.delivery.TimeToRestoreCheck;
import io.github.devopsassess.check.environmentparity.DevEnvironmentAsCodeCheck;
import io.github.devopsassess.check.environmentparity.EnvironmentToolingCheck;
import io.github.devopsassess.check.environmentparity.KeyDriftCheck;
import io.github.devopsassess.check.environmentparity.MissingEnvironmentCheck;
import io.github.devopsassess.check.environmentparity.RuntimeDriftCheck;
import io.github.devopsassess.check.environmentparity.VersionDriftCheck;
import io.github.devopsassess.check.incidentresponse.ActionItemsClosedCheck;
import io.github.devopsassess.check.incidentresponse.ActionItemsTrackedCheck;
import io.github.devopsassess.check.incidentresponse.CoverageGapsCheck;
import io.github.devopsassess.check.incidentresponse.EscalationPolicyCheck;
import io.github.devopsassess.check.incidentresponse.IgnoredFailuresCheck;
import io.github.devopsassess.check.incidentresponse.NoRollbackPathCheck;
import io.github.devopsassess.check.incidentresponse.OnCallOverloadCheck;
import io.github.devopsassess.check.incidentresponse.OverReactionCheck;
import io.github.devopsassess.check.incidentresponse.PostmortemTimelinessCheck;
import io.github.devopsassess.check.incidentresponse.PostmortemsPresentCheck;
import io.github.devopsassess.check.incidentresponse.RecurringCausesCheck;
import io.github.devopsassess.check.incidentresponse.RosterOutsideCodeCheck;
import io.github.devopsassess.check.incidentresponse.ServiceEscalationCheck;
import io.github.devopsassess.check.incidentresponse.SinglePersonRotationCheck;
import io.github.devopsassess.check.incidentresponse.SkippedTestsCheck;
import io.github.devopsassess.check.incidentresponse.TurnLengthCheck;
import io.github.devopsassess.check.knowledgesilos.ContributorAbsenceCheck;
import io.github.devopsassess.check.knowledgesilos.ExemptAreaCheck;
import io.github.devopsassess.check.knowledgesilos.IndividualOwnersCheck;
import io.github.devopsassess.check.knowledgesilos.KnowledgeLossCheck;
import io.github.devopsassess.check.knowledgesilos.ModuleTruckFactorCheck;
import io.github.devopsassess.check.knowledgesilos.OwnershipHistoryMismatchCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorDirectoriesCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorHotspotsCheck;
import io.github.devopsassess.check.knowledgesilos.StaleOwnersCheck;
import io.github.devopsassess.check.knowledgesilos.TruckFactorCheck;
import io.github.devopsassess.check.knowledgesilos.UnownedFilesCheck;
import io.github.devopsassess.check.process.InconsistentGatingCheck;
import io.github.devopsassess.check.process.ManualOnlyDeploysCheck;
import io.github.devopsassess.check.process.ProductionApprovalGatesCheck;
import io.github.devopsassess.check.process.SerialStageChainCheck;
import io.github.devopsassess.check.sharedresponsibility.DevopsPersonCheck;
import io.github.devopsassess.check.sharedresponsibility.OnCallPopulationCheck;
import io.github.devopsassess.check.sharedresponsibility.OptionalOwnershipSectionsCheck;
import io.github.devopsassess.check.sharedresponsibility.OwnerConcentrationCheck;
import io.github.devopsassess.check.sharedresponsibility.ReviewSignalsCheck;
import io.github.devopsassess.check.sharedresponsibility.SilentProductionDeploysCheck;
import io.github.devopsassess.check.sharedresponsibility.SingleEscalationOwnerCheck;
import io.github.devopsassess.check.thirdparty.DependencyUpdateAutomationCheck;
import io.github.devopsassess.check.thirdparty.PagingVendorEndOfSupportCheck;
import io.github.devopsassess.check.thirdparty.UnpinnedActionsCheck;
import io.github.devopsassess.check.thirdparty.UnpinnedImagesCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check this version implements, by id. One line each, so that additions merge cleanly. */
public final class BuiltInChecks {

    private BuiltInChecks() {
    }

    public static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        checks.add(new TruckFactorCheck());
        checks.add(new SingleAuthorDirectoriesCheck());
        checks.add(new PipelineDefinedCheck());
        checks.add(new KeyDriftCheck());
        checks.add(new VersionDriftCheck());
        checks.add(new RuntimeDriftCheck());
        checks.add(new MissingEnvironmentCheck());
        checks.add(new DevEnvironmentAsCodeCheck());
        checks.add(new EnvironmentToolingCheck());
        checks.add(new EnvironmentCredentialsCheck());
        checks.add(new SinglePersonRotationCheck());
        checks.add(new CoverageGapsCheck());
        checks.add(new EscalationPolicyCheck());
        checks.add(new ServiceEscalationCheck());
        checks.add(new OnCallOverloadCheck());
        checks.add(new TurnLengthCheck());
        checks.add(new RosterOutsideCodeCheck());
        checks.add(new SingleEscalationOwnerCheck());
        checks.add(new OnCallPopulationCheck());
        checks.add(new PagingVendorEndOfSupportCheck());
        checks.add(new UnownedFilesCheck());
        checks.add(new IndividualOwnersCheck());
        checks.add(new StaleOwnersCheck());
        checks.add(new OwnershipHistoryMismatchCheck());
        checks.add(new CodeownersSyntaxCheck());
        checks.add(new CriticalPathOwnersCheck());
        checks.add(new DefaultBranchProtectionCheck());
        checks.add(new AdminAccessCheck());
        checks.add(new ProductionEnvironmentReviewersCheck());
        checks.add(new DirectPushesCheck());
        checks.add(new OwnerConcentrationCheck());
        checks.add(new OptionalOwnershipSectionsCheck());
        checks.add(new PostmortemsPresentCheck());
        checks.add(new PostmortemTimelinessCheck());
        checks.add(new ActionItemsTrackedCheck());
        checks.add(new ActionItemsClosedCheck());
        checks.add(new RecurringCausesCheck());
        checks.add(new OverReactionCheck());
        checks.add(new TimeToRestoreCheck());
        checks.add(new BlamingLanguageCheck());
        checks.add(new NamedIndividualsCheck());
        checks.add(new LessonsSectionCheck());
        checks.add(new ProductionApprovalGatesCheck());
        checks.add(new InconsistentGatingCheck());
        checks.add(new SerialStageChainCheck());
        checks.add(new ManualOnlyDeploysCheck());
        checks.add(new ProductionEnvironmentProtectionCheck());
        checks.add(new WorkflowTokenPermissionsCheck());
        checks.add(new FreeTextDeployInputCheck());
        checks.add(new DangerousPullRequestTargetCheck());
        checks.add(new InheritedSecretsCheck());
        checks.add(new UnpinnedActionsCheck());
        checks.add(new UnpinnedImagesCheck());
        checks.add(new DependencyUpdateAutomationCheck());
        checks.add(new IgnoredFailuresCheck());
        checks.add(new SkippedTestsCheck());
        checks.add(new NoRollbackPathCheck());
        checks.add(new SilentProductionDeploysCheck());
        checks.add(new ModuleTruckFactorCheck());
        checks.add(new ContributorAbsenceCheck());
        checks.add(new KnowledgeLossCheck());
        checks.add(new SingleAuthorHotspotsCheck());
        checks.add(new ExemptAreaCheck());
        checks.add(new DevopsPersonCheck());
        checks.add(new ReviewSignalsCheck());
        checks.add(new DeploymentFrequencyCheck());
        checks.add(new LeadTimeForChangesCheck());
        checks.add(new ChangeFailureRateCheck());
        return List.copyOf(checks);
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
