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
        // Teams keep incident write-ups in a wiki, a drive or an incident tool as often as in the repository: the
        // repository cannot show that incidents leave no record, so the answer is "unknown", with what was seen.
        String seen = productionDeploy.map(j -> "job '" + j.name() + "' deploys to production").orElse("")
                + (productionDeploy.isPresent() && onCall.isPresent() ? " and " : "")
                + onCall.map(o -> "on-call is configured in " + o.files().get(0)).orElse("");
        return Judgement.inapplicable("unknown: the project runs in production (" + seen + ") but keeps no"
                + " postmortem in the repository (looked in " + String.join(", ", pm.searched()) + "); its incident"
                + " write-ups may live outside it, in a wiki, a drive or an incident tool");
    }
}
