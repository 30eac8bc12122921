package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.Person;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.SharedAccounts;
import io.github.devopsassess.facts.oncall.Team;
import io.github.devopsassess.facts.oncall.VendorUse;
import io.github.devopsassess.facts.Facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the readers collect while scanning; turned into immutable {@link OnCallFacts} at the end. */
final class OnCallModel {

    final Map<String, Schedule> schedules = new TreeMap<>();
    final Map<String, EscalationPolicy> policies = new TreeMap<>();
    final Map<String, Service> services = new TreeMap<>();
    final Map<String, Team> teams = new TreeMap<>();
    final Map<String, Person> people = new TreeMap<>();
    final Map<String, VendorUse> vendors = new TreeMap<>();
    final TreeSet<String> files = new TreeSet<>();
    final List<Instant> datesSeen = new ArrayList<>();
    final Facts.Builder facts;
    /** Layers defined apart from their schedule (Opsgenie rotations, Grafana shifts), by schedule id. */
    final Map<String, List<Layer>> detachedLayers = new TreeMap<>();
    /** Where a detached layer's roster is ignored by lifecycle rules, by schedule id. */
    final Map<String, Place> detachedRosterIgnored = new TreeMap<>();
    /** Levels defined apart from their policy (Grafana escalation steps), by policy id then position. */
    final Map<String, Map<Integer, EscalationLevel>> detachedLevels = new TreeMap<>();
    /** Grafana OnCall schedules: schedule id → the ids of its shifts. */
    final Map<String, List<String>> scheduleShifts = new TreeMap<>();
    /** Grafana OnCall escalation chains that end with a repeat step. */
    final TreeSet<String> repeatingChains = new TreeSet<>();
    /** Opsgenie team routing: team name → escalation id. */
    final Map<String, String> teamRouting = new TreeMap<>();

    OnCallModel(Facts.Builder facts) {
        this.facts = facts;
    }

    void detachedLayer(String scheduleId, Layer layer, Place rosterIgnored) {
        detachedLayers.computeIfAbsent(scheduleId, k -> new ArrayList<>()).add(layer);
        if (rosterIgnored != null) {
            detachedRosterIgnored.putIfAbsent(scheduleId, rosterIgnored);
        }
        date(layer.start());
        layer.people().forEach(this::personSeen);
    }

    void problem(String path, Integer line, String message) {
        facts.problem(path, line, message);
    }

    void vendor(String vendor, Place place) {
        vendors.merge(vendor, new VendorUse(vendor, place),
                (a, b) -> a.place().label().compareTo(b.place().label()) <= 0 ? a : b);
    }

    void schedule(Schedule s) {
        add(schedules, s.id(), s, s.place());
        s.layers().forEach(l -> {
            date(l.start());
            l.people().forEach(this::personSeen);
        });
    }

    void policy(EscalationPolicy p) {
        add(policies, p.id(), p, p.place());
    }

    void service(Service s) {
        add(services, s.id(), s, s.place());
    }

    /** Adds members to a team, creating it when needed (memberships are often separate resources). */
    void team(String id, String name, List<String> members, Place place) {
        Team old = teams.get(id);
        TreeSet<String> all = new TreeSet<>(members);
        if (old != null) {
            all.addAll(old.members());
        }
        teams.put(id, new Team(id, name != null ? name : old != null ? old.name() : id, new ArrayList<>(all),
                old != null ? old.place() : place));
        members.forEach(this::personSeen);
    }

    void person(String id, String name, Boolean shared) {
        if (id == null) {
            return;
        }
        String display = name == null ? id : name;
        boolean isShared = shared != null ? shared
                : SharedAccounts.looksShared(display) || SharedAccounts.looksShared(id);
        Person old = people.get(id);
        if (old == null || old.name().equals(old.id())) {
            people.put(id, new Person(id, display, isShared));
        }
    }

    void personSeen(String id) {
        if (id != null && !people.containsKey(id)) {
            person(id, null, null);
        }
    }

    void date(Instant i) {
        if (i != null) {
            datesSeen.add(i);
        }
    }

    private <T> void add(Map<String, T> map, String id, T value, Place place) {
        if (map.containsKey(id)) {
            problem(place.path(), place.line(), "'" + id + "' is defined twice; the later definition is used");
        }
        map.put(id, value);
    }
}
