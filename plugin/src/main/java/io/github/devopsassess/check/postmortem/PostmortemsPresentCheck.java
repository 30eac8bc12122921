package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.ProductionService;
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

    /** Read when present: the analysis stage derives it for this check. */
    @Override
    public List<Class<?>> reads() {
        return List.of(ProductionService.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PostmortemFacts pm = facts.get(PostmortemFacts.class);
        if (!pm.postmortems().isEmpty()) {
            return Judgement.clean(Words.plural(pm.postmortems().size(), "postmortem", "postmortems") + " found")
                    .metrics(Map.of("postmortems", pm.postmortems().size()));
        }
        if (!pm.unreadable().isEmpty()) {
            List<Evidence> evidence = new ArrayList<>();
            pm.unreadable().forEach(u -> evidence.add(Evidence.file(u.path()).withNote(u.reason())));
            return Judgement.of(List.of(settings.warn(Words.plural(pm.unreadable().size(),
                    "postmortem file exists but it cannot", "postmortem files exist but none can")
                            + " be read (scanned or damaged PDF, Word document, empty or"
                    + " too large), so nobody can search them for a cause that is back.", "postmortems", evidence)), 0,
                    Words.plural(pm.unreadable().size(), "postmortem file", "postmortem files")
                            + ", none machine-readable");
        }
        // A library, a template or a tool has incidents of its users, not its own: postmortems are asked for only
        // where something runs in production. Teams keep incident write-ups in a wiki, a drive or an incident tool
        // as often as in the repository, so without one here the answer is "unknown", with what was seen.
        Optional<ProductionService> service = facts.find(ProductionService.class);
        if (service.isEmpty()) {
            return Judgement.inapplicable("no postmortems, and nothing shows that the project runs a service in "
                    + "production (no job deploys to production, no on-call configuration)");
        }
        return Judgement.inapplicable("unknown: the project runs in production (" + service.get().seen() + ") but"
                + " keeps no postmortem in the repository (looked in " + String.join(", ", pm.searched()) + "); its"
                + " incident write-ups may live outside it, in a wiki, a drive or an incident tool");
    }
}
