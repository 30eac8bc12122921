package io.github.devopsassess.report.sections;

import io.github.devopsassess.facts.ownership.OwnerIdentities;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.util.Locale;
import java.util.Set;

/**
 * How a section shows a person: the display name the history scanner gave them (a stable pseudonym unless names are
 * shown), else the name from the file when names are shown, else the same kind of pseudonym — never an e-mail. The
 * pseudonym is derived like the history scanner's, so one person carries the same pseudonym on every page.
 */
public final class PeopleNames {

    private final boolean shown;
    private final HistoryFacts history;
    private final OwnerIdentities identities;

    private PeopleNames(boolean shown, HistoryFacts history, OwnerIdentities identities) {
        this.shown = shown;
        this.history = history;
        this.identities = history == null ? null : identities;
    }

    public static PeopleNames of(Facts facts) {
        HistoryFacts history = facts.find(HistoryFacts.class).filter(HistoryFacts::available).orElse(null);
        return new PeopleNames(namesShown(facts, history), history, facts.find(OwnerIdentities.class).orElse(null));
    }

    /**
     * The site is not told the run's settings, so it reads them from facts that record them; when nothing says
     * names are shown, they are not (the safe side of the seed's "no blame" rule).
     */
    static boolean namesShown(Facts facts, HistoryFacts history) {
        var postmortems = facts.find(PostmortemFacts.class);
        if (postmortems.isPresent()) {
            return postmortems.get().showNames();
        }
        if (history != null) {
            return history.people().values().stream().filter(p -> !p.bot())
                    .anyMatch(p -> !p.display().equals(Pseudonyms.of(p.key())));
        }
        return false;
    }

    /** An on-call person: id and display name as the on-call files give them. */
    String person(String id, String name) {
        String n = name == null || name.isBlank() ? id : name;
        String key = (id != null && id.contains("@") ? id : n).trim().toLowerCase(Locale.ROOT);
        if (history != null) {
            Person p = history.people().get(key);
            if (p != null) {
                return p.display();
            }
        }
        return shown && !n.contains("@") ? n : Pseudonyms.of(key);
    }

    /** A CODEOWNERS owner: teams and roles as written, people as display names. */
    public String owner(Owner owner) {
        if (!owner.kind().individual()) {
            return owner.name();
        }
        if (identities != null) {
            Set<String> keys = identities.people(owner);
            if (!keys.isEmpty()) {
                Person p = history.people().get(keys.iterator().next());
                if (p != null) {
                    return p.display();
                }
            }
        }
        String key = owner.name().toLowerCase(Locale.ROOT);
        return shown && owner.kind() == Owner.Kind.USER ? owner.name() : Pseudonyms.of(key);
    }
}
