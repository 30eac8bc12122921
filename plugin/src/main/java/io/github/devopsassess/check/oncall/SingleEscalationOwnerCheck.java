package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.oncall.OnCallChecks;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code oncall-single-owner}: every production service escalates to the same one person, or to one team's single
 * policy: operations rest on "the DevOps person" instead of the teams that build the services.
 */
public final class SingleEscalationOwnerCheck extends OnCallCheck {

    public static final String ID = "oncall-single-owner";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        List<Service> production = model.services().stream().filter(Service::production).toList();
        String scope = "production services";
        if (production.isEmpty()) {
            production = model.services();
            scope = "services (none is marked or named production)";
        }
        List<Service> routed = production.stream().filter(s -> s.policyId() != null
                && model.policy(s.policyId()).isPresent()).toList();
        if (routed.isEmpty()) {
            return Judgement.inapplicable("no service with a readable escalation policy");
        }
        Set<String> people = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> owners = new TreeSet<>();
        for (Service s : routed) {
            EscalationPolicy p = model.policy(s.policyId()).orElseThrow();
            owners.add(p.team() != null ? "team " + p.team() : "policy " + p.id());
            Optional<Set<String>> reached = reachable(model, p);
            if (reached.isEmpty()) {
                return Judgement.inapplicable("the people behind '" + p.name() + "' cannot be read from the files");
            }
            reached.get().forEach(id -> people.add(model.nameOf(id))); // one person across formats
        }
        List<Evidence> evidence = new ArrayList<>();
        routed.forEach(s -> evidence.add(OnCallChecks.at(s.place(), "escalates via " + s.policyId())));
        if (people.size() <= 1) {
            String who = people.isEmpty() ? "nobody" : people.iterator().next();
            return Judgement.of(List.of(settings.fail("All " + routed.size() + " " + scope + " escalate to one person, "
                    + who + ": production support is \"the DevOps person\".", "oncall-owner", evidence)), 0,
                    "all " + routed.size() + " " + scope + " reach " + who);
        }
        if (routed.size() >= 2 && owners.size() == 1) {
            return Judgement.of(List.of(settings.warn("All " + routed.size() + " " + scope
                            + " escalate to " + owners.iterator().next() + ": the teams that build the services "
                            + "do not answer for them.", "oncall-owner", evidence)), 0,
                    "all " + routed.size() + " " + scope + " escalate to " + owners.iterator().next());
        }
        return Judgement.clean(routed.size() + " " + scope + " reach " + Words.plural(people.size(), "person",
                "people") + " through " + Words.plural(owners.size(), "owner", "owners"));
    }

    private static Optional<Set<String>> reachable(OnCallFacts model, EscalationPolicy p) {
        Set<String> out = new TreeSet<>();
        for (EscalationLevel level : p.levels()) {
            for (Target t : level.targets()) {
                switch (t.kind()) {
                    case USER -> out.add(t.ref());
                    case SCHEDULE -> {
                        var s = model.schedule(t.ref()).filter(x -> x.membersKnown()).orElse(null);
                        if (s == null) {
                            return Optional.empty();
                        }
                        s.layers().stream().map(Layer::people).forEach(out::addAll);
                    }
                    case TEAM -> {
                        var team = model.team(t.ref()).filter(x -> !x.members().isEmpty()).orElse(null);
                        if (team == null) {
                            return Optional.empty();
                        }
                        out.addAll(team.members());
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(out);
    }
}
