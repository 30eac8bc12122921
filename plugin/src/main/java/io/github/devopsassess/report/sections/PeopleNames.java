package io.github.devopsassess.report.sections;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.facts.ownership.Owner;

/**
 * How a section shows a person: by the one rule of {@link People}, the same on every page — a keyed pseudonym unless
 * names are shown, the person's name when they are, never an e-mail.
 */
public final class PeopleNames {

    private final People people;

    private PeopleNames(People people) {
        this.people = people;
    }

    public static PeopleNames of(Facts facts) {
        return new PeopleNames(People.in(facts));
    }

    /** An on-call person: id and display name as the on-call files give them. */
    String person(String id, String name) {
        return people.person(id, name);
    }

    /** A CODEOWNERS owner: teams and roles as written, people as display names. */
    public String owner(Owner owner) {
        return people.owner(owner);
    }
}
