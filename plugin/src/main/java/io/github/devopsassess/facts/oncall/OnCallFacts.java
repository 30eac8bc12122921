package io.github.devopsassess.facts.oncall;

import io.github.devopsassess.facts.Input;
import java.util.Optional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The on-call model of the assessed tree: services → escalation policies → levels → targets → schedules → layers →
 * people and hours, from whichever formats the team keeps (PagerDuty, Opsgenie, Grafana OnCall, oncall.yaml).
 *
 * @param files the on-call files read, sorted
 * @param schedules schedules, sorted by id
 * @param policies escalation policies, sorted by id
 * @param services services, sorted by id
 * @param teams teams, sorted by id
 * @param people everyone named, by id
 * @param vendors paging vendors used, one entry per vendor, sorted
 * @param referenceTime the "now" used for end dates and the representative week (commit time of the assessed commit,
 *     else the latest date written in the files), or {@code null} when neither exists
 * @param referenceSource where {@code referenceTime} came from, for messages
 * @param coverage the weekly coverage per service (or per unused policy), sorted by subject
 */
public record OnCallFacts(List<String> files, List<Schedule> schedules, List<EscalationPolicy> policies,
        List<Service> services, List<Team> teams, Map<String, Person> people, List<VendorUse> vendors,
        Instant referenceTime, String referenceSource, List<WeeklyCoverage> coverage) implements Input {

    public OnCallFacts {
        files = List.copyOf(files);
        schedules = List.copyOf(schedules);
        policies = List.copyOf(policies);
        services = List.copyOf(services);
        teams = List.copyOf(teams);
        people = Map.copyOf(people);
        vendors = List.copyOf(vendors);
        coverage = List.copyOf(coverage);
    }

    public boolean empty() {
        return schedules.isEmpty() && policies.isEmpty() && services.isEmpty();
    }

    public Optional<Schedule> schedule(String id) {
        return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<EscalationPolicy> policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The display name of a person id, or the id itself. */
    public String nameOf(String personId) {
        Person p = people.get(personId);
        return p == null ? personId : p.name();
    }

    public boolean shared(String personId) {
        Person p = people.get(personId);
        return p != null ? p.shared() : SharedAccounts.looksShared(personId);
    }

    /** Without on-call configuration in code no on-call check can say anything (roster-outside-code judges that). */
    @Override
    public Optional<String> unusable() {
        return empty() ? Optional.of("no on-call configuration found (PagerDuty, Opsgenie or Grafana OnCall Terraform"
                + " or JSON, Cloud Posse Opsgenie YAML, oncall.yaml)") : Optional.empty();
    }
}
