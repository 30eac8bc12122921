package io.github.devopsassess.facts.environment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every image named outside the pipelines (Dockerfiles, compose, Kubernetes manifests, Helm values, kustomize,
 * dev containers), one entry per place, sorted by path and line. The pipelines' job and service images are in the
 * pipeline facts' references.
 */
public record ImageUses(List<ImageUse> uses) {

    public ImageUses {
        List<ImageUse> sorted = new ArrayList<>(uses);
        sorted.sort(Comparator.comparing((ImageUse u) -> u.image().path()).thenComparingInt(u -> u.image().line())
                .thenComparing(u -> u.image().reference()));
        uses = List.copyOf(sorted);
    }
}
