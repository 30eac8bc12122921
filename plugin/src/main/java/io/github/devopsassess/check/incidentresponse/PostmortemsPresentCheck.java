package io.github.devopsassess.check.incidentresponse;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.pipeline.PipelineFacts;
import io.github.devopsassess.scan.postmortem.PostmortemFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code postmortems-present}: a project that deploys (it has a pipeline) but keeps no postmortems shows no reaction
 * to its incidents, so nothing is learned from them.
 */
public final class PostmortemsPresentCheck implements Check {

    public static final String ID = "postmortems-present";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Facts facts, CheckSettings settings) {
        PostmortemFacts pm = facts.find(PostmortemFacts.class).orElse(null);
        if (pm == null) {
            return settings.notAssessed("postmortems were not scanned");
        }
        if (!pm.postmortems().isEmpty()) {
            return settings.result(CheckStatus.PASS, 1.0, pm.postmortems().size() + " postmortem(s) found",
                    List.of(), Map.of("postmortems", pm.postmortems().size()));
        }
        if (!pm.unreadable().isEmpty()) {
            List<Evidence> evidence = new ArrayList<>();
            pm.unreadable().forEach(u -> evidence.add(Evidence.file(u.path()).withNote(u.reason())));
            return settings.result(CheckStatus.WARN, 0.5, pm.unreadable().size()
                    + " postmortem file(s), none machine-readable", List.of(settings.warn(pm.unreadable().size()
                    + " postmortem file(s) exist but none can be read (PDF, empty or too large), so nobody can"
                    + " search them for a cause that is back.", "postmortems", evidence)));
        }
        boolean deploys = facts.find(PipelineFacts.class).map(p -> !p.definitions().isEmpty()).orElse(false);
        if (!deploys) {
            return settings.notAssessed("no postmortems and no pipeline: nothing shows that the project runs in"
                    + " production");
        }
        PipelineFacts pipelines = facts.find(PipelineFacts.class).orElseThrow();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.file(pipelines.definitions().get(0).path()).withNote("the project is built and"
                + " deployed by a pipeline"));
        evidence.add(Evidence.note("looked for postmortems in " + String.join(", ", pm.searched())));
        return settings.result(CheckStatus.FAIL, 0.0, "no postmortems while a pipeline exists", List.of(
                settings.fail("The project has a pipeline but no postmortems: incidents leave no written record,"
                        + " so the same problems can arise again without anyone noticing the pattern.",
                        "postmortems", evidence)), Map.of("postmortems", 0));
    }
}
