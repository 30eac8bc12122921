package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.facts.postmortem.Postmortem;

/** How blameless-culture messages name a postmortem: its file name and incident date. */
final class PostmortemFactsLabel {

    private PostmortemFactsLabel() {
    }

    static String of(Postmortem pm) {
        String name = pm.path().substring(pm.path().lastIndexOf('/') + 1);
        return name + (pm.incidentDate() == null ? "" : " (" + pm.incidentDate() + ")");
    }
}
