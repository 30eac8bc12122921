package io.github.devopsassess.check;

import io.github.devopsassess.check.blamelessculture.BlamingLanguageCheck;
import io.github.devopsassess.check.blamelessculture.LessonsSectionCheck;
import io.github.devopsassess.check.blamelessculture.NamedIndividualsCheck;
import io.github.devopsassess.check.delivery.PipelineDefinedCheck;
import io.github.devopsassess.check.delivery.TimeToRestoreCheck;
import io.github.devopsassess.check.incidentresponse.ActionItemsClosedCheck;
import io.github.devopsassess.check.incidentresponse.ActionItemsTrackedCheck;
import io.github.devopsassess.check.incidentresponse.OverReactionCheck;
import io.github.devopsassess.check.incidentresponse.PostmortemTimelinessCheck;
import io.github.devopsassess.check.incidentresponse.PostmortemsPresentCheck;
import io.github.devopsassess.check.incidentresponse.RecurringCausesCheck;
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
                // postmortems (issue 7)
                new PostmortemsPresentCheck(), new PostmortemTimelinessCheck(), new ActionItemsTrackedCheck(),
                new ActionItemsClosedCheck(), new RecurringCausesCheck(), new OverReactionCheck(),
                new TimeToRestoreCheck(), new BlamingLanguageCheck(), new NamedIndividualsCheck(),
                new LessonsSectionCheck());
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
