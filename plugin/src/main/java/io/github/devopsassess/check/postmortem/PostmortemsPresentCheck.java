package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code postmortems-present}: a project that runs in production (a job deploys there, or it has on-call
 * configuration) but keeps no postmortems shows no reaction to its incidents, so nothing is learned from them.
 */
public final class PostmortemsPresentCheck implements Check {

    public static final String ID = "postmortems-present";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** It judges the absence of postmortems, so it needs them scanned, not found. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(PostmortemFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PostmortemFacts pm = facts.get(PostmortemFacts.class);
        if (!pm.postmortems().isEmpty()) {
            return Judgement.clean(pm.postmortems().size() + " postmortem(s) found")
                    .metrics(Map.of("postmortems", pm.postmortems().size()));
        }
        if (!pm.unreadable().isEmpty()) {
            List<Evidence> evidence = new ArrayList<>();
            pm.unreadable().forEach(u -> evidence.add(Evidence.file(u.path()).withNote(u.reason())));
            return Judgement.of(List.of(settings.warn(pm.unreadable().size()
                    + " postmortem file(s) exist but none can be read (PDF, empty or too large), so nobody can"
                    + " search them for a cause that is back.", "postmortems", evidence)), 0,
                    pm.unreadable().size() + " postmortem file(s), none machine-readable");
        }
        // A library, a template or a tool has incidents of its users, not its own: ask for postmortems only where
        // something runs in production, shown by a job that deploys there or by an on-call configuration.
        Optional<Job> productionDeploy = facts.find(PipelineFacts.class).stream()
                .flatMap(p -> p.workflows().stream()).flatMap(w -> w.jobs().stream()).filter(Job::production)
                .findFirst();
        Optional<OnCallFacts> onCall = facts.find(OnCallFacts.class).filter(o -> !o.empty());
        if (productionDeploy.isEmpty() && onCall.isEmpty()) {
            return Judgement.inapplicable("no postmortems, and nothing shows that the project runs a service in "
                    + "production (no job deploys to production, no on-call configuration)");
        }
        List<Evidence> evidence = new ArrayList<>();
        productionDeploy.ifPresent(j -> evidence.add(Evidence.line(j.at().path(), j.at().line())
                .withNote("job '" + j.name() + "' deploys to production")));
        onCall.ifPresent(o -> evidence.add(Evidence.file(o.files().get(0)).withNote("on-call configuration")));
        evidence.add(Evidence.note("looked for postmortems in " + String.join(", ", pm.searched())));
        return Judgement.of(List.of(
                settings.fail("The project runs in production but keeps no postmortems: incidents leave no written"
                        + " record,"
                        + " so the same problems can arise again without anyone noticing the pattern.",
                        "postmortems", evidence)), 0, "no postmortems while the project runs in production");
    }
}
