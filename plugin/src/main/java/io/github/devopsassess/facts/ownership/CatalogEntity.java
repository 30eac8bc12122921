package io.github.devopsassess.facts.ownership;

import java.util.Map;

/**
 * A Backstage catalog entity ({@code catalog-info.yaml}).
 *
 * @param path repository-relative path of the descriptor
 * @param line line of the entity (of {@code spec.owner} when present)
 * @param kind {@code Component}, {@code System}, …
 * @param name {@code metadata.name}
 * @param owner {@code spec.owner}, or {@code null} when missing
 * @param annotations {@code metadata.annotations}, such as {@code pagerduty.com/service-id}
 */
public record CatalogEntity(String path, int line, String kind, String name, Owner owner,
        Map<String, String> annotations) {

    public CatalogEntity {
        annotations = Map.copyOf(annotations);
    }

    /** Backstage owners are groups unless written {@code user:name}. */
    public static Owner owner(String ref) {
        String r = ref.trim();
        return new Owner(r, r.toLowerCase(java.util.Locale.ROOT).startsWith("user:") ? Owner.Kind.USER
                : Owner.Kind.TEAM);
    }
}
