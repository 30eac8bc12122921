package io.github.devopsassess.facts.oncall;

import java.util.List;

/**
 * A team that escalations may target.
 *
 * @param id stable id
 * @param name display name
 * @param members person ids, sorted
 * @param place where it is defined
 */
public record Team(String id, String name, List<String> members, Place place) {

    public Team {
        members = List.copyOf(members);
    }
}
