package io.github.devopsassess.facts.ownership;

import java.util.Collection;

/** How a file or folder is owned, as the ownership page colours it. */
public enum OwnerType {
    /** At least one team (or role) owns it: ownership survives one person leaving. */
    TEAM,
    /** Only individual people own it. */
    INDIVIDUAL,
    /** Nobody owns it. */
    NONE;

    public static OwnerType of(Collection<Owner> owners) {
        if (owners.isEmpty()) {
            return NONE;
        }
        return owners.stream().allMatch(o -> o.kind().individual()) ? INDIVIDUAL : TEAM;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
