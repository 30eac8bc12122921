package io.github.devopsassess.check.sharedresponsibility;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.incidentresponse.OnCallChecks;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.scan.oncall.EscalationLevel;
import io.github.devopsassess.scan.oncall.EscalationPolicy;
import io.github.devopsassess.scan.oncall.Layer;
import io.github.devopsassess.scan.oncall.OnCallFacts;
import io.github.devopsassess.scan.oncall.Service;
import io.github.devopsassess.scan.oncall.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code oncall-single-owner}: every production service escalates to the same one person, or to one team's single
 * policy: operations rest on "the DevOps person" instead of the teams that build the services.
 */
public final class SingleEscalationOwnerCheck implements Check {

    public static final String ID = "oncall-single-owner";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Facts facts, CheckSettings settings) {
        OnCallFacts model = OnCallChecks.model(facts).orElse(null);
        if (model == null) {
            return settings.notAssessed(OnCallChecks.notFound(facts));
        }
        List<Service> production = model.services().stream().filter(Service::production).toList();
        String scope = "production services";
        if (production.isEmpty()) {
            production = model.services();
            scope = "services (none is marked or named production)";
        }
        List<Service> routed = production.stream().filter(s -> s.policyId() != null
                && model.policy(s.policyId()).isPresent()).toList();
        if (routed.isEmpty()) {
            return settings.notAssessed("no service with a readable escalation policy");
        }
        Set<String> people = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> owners = new TreeSet<>();
        for (Service s : routed) {
            EscalationPolicy p = model.policy(s.policyId()).orElseThrow();
            owners.add(p.team() != null ? "team " + p.team() : "policy " + p.id());
            Optional<Set<String>> reached = reachable(model, p);
            if (reached.isEmpty()) {
                return settings.notAssessed("the people behind '" + p.name() + "' cannot be read from the files");
            }
            reached.get().forEach(id -> people.add(model.nameOf(id))); // one person across formats
        }
        List<Evidence> evidence = new ArrayList<>();
        routed.forEach(s -> evidence.add(OnCallChecks.at(s.place(), "escalates via " + s.policyId())));
        if (people.size() <= 1) {
            String who = people.isEmpty() ? "nobody" : people.iterator().next();
            return settings.result(CheckStatus.FAIL, 0.0, "all " + routed.size() + " " + scope + " reach " + who,
                    List.of(settings.fail("All " + routed.size() + " " + scope + " escalate to one person, " + who
                            + ": production support is \"the DevOps person\".", "oncall-owner", evidence)));
        }
        if (routed.size() >= 2 && owners.size() == 1) {
            return settings.result(CheckStatus.WARN, 0.5, "all " + routed.size() + " " + scope + " escalate to "
                    + owners.iterator().next(), List.of(settings.warn("All " + routed.size() + " " + scope
                            + " escalate to " + owners.iterator().next() + ": the teams that build the services "
                            + "do not answer for them.", "oncall-owner", evidence)));
        }
        return settings.pass(routed.size() + " " + scope + " reach " + people.size() + " people through "
                + owners.size() + " owners");
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
