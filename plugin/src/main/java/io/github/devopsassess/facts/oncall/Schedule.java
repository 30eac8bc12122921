package io.github.devopsassess.facts.oncall;

import java.util.List;

/**
 * An on-call schedule: the layers that say who is on call when.
 *
 * @param id stable id (vendor id, Terraform address or name)
 * @param name display name
 * @param vendor {@code pagerduty}, {@code opsgenie}, {@code grafana-oncall} or {@code oncall-yaml}
 * @param timeZone IANA zone id, or {@code null} when unknown (coverage is then computed in UTC and says so)
 * @param layers the layers, lowest priority first
 * @param layersKnown false when layers are generated ({@code dynamic} blocks) and cannot be read
 * @param overlay true when a higher active layer replaces the lower ones (PagerDuty); false when every active layer
 *     is paged (Opsgenie rotations, Grafana shifts, oncall.yaml rotations)
 * @param rosterIgnoredAt where {@code lifecycle { ignore_changes }} hands the roster to someone outside code, or
 *     {@code null}
 * @param place where it is defined
 */
public record Schedule(String id, String name, String vendor, String timeZone, List<Layer> layers,
        boolean layersKnown, boolean overlay, Place rosterIgnoredAt, Place place) {

    public Schedule {
        layers = List.copyOf(layers);
    }

    public boolean membersKnown() {
        return layersKnown && layers.stream().allMatch(Layer::membersKnown);
    }
}
