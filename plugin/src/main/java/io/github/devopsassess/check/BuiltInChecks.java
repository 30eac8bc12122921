package io.github.devopsassess.check;

import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.incidentresponse.CoverageGapsCheck;
import io.github.devopsassess.check.incidentresponse.EscalationPolicyCheck;
import io.github.devopsassess.check.incidentresponse.OnCallOverloadCheck;
import io.github.devopsassess.check.incidentresponse.RosterOutsideCodeCheck;
import io.github.devopsassess.check.incidentresponse.ServiceEscalationCheck;
import io.github.devopsassess.check.incidentresponse.SinglePersonRotationCheck;
import io.github.devopsassess.check.incidentresponse.TurnLengthCheck;
import io.github.devopsassess.check.knowledgesilos.SingleAuthorDirectoriesCheck;
import io.github.devopsassess.check.knowledgesilos.TruckFactorCheck;
import io.github.devopsassess.check.sharedresponsibility.OnCallPopulationCheck;
import io.github.devopsassess.check.sharedresponsibility.SingleEscalationOwnerCheck;
import io.github.devopsassess.check.thirdparty.PagingVendorEndOfSupportCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every check this version implements, by id. */
public final class BuiltInChecks {

    private BuiltInChecks() {
    }

    public static List<Check> all() {
        return List.of(new TruckFactorCheck(), new SingleAuthorDirectoriesCheck(), new PipelineDefinedCheck(),
                // on-call (issue 4)
                new SinglePersonRotationCheck(), new CoverageGapsCheck(), new EscalationPolicyCheck(),
                new ServiceEscalationCheck(), new OnCallOverloadCheck(), new TurnLengthCheck(),
                new RosterOutsideCodeCheck(), new SingleEscalationOwnerCheck(), new OnCallPopulationCheck(),
                new PagingVendorEndOfSupportCheck());
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
