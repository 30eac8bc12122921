package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.RemoteRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code environment-version-drift}: the same image or chart at a different tag or digest in pre-production and in
 * production, or a remote base at a different {@code ?ref=}. What production runs should be the very artefact that
 * pre-production tested — promoted, not rebuilt.
 */
public final class VersionDriftCheck extends EnvironmentCheck {

    public static final String ID = "environment-version-drift";

    private static final String PRE = EnvironmentNames.PRE_PRODUCTION;
    private static final String PROD = EnvironmentNames.PRODUCTION;

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(EnvironmentFacts env, Facts facts, CheckSettings settings) {
        int compared = 0;
        boolean pairs = false;
        List<Finding> findings = new ArrayList<>();
        for (var group : EnvironmentGroups.byGroupAndEnvironment(env.definitions()).entrySet()) {
            List<EnvironmentDefinition> pre = group.getValue().get(PRE);
            List<EnvironmentDefinition> prod = group.getValue().get(PROD);
            if (pre == null || prod == null) {
                continue;
            }
            pairs = true;
            Map<String, ImageRef> preImages = images(pre);
            Map<String, ImageRef> prodImages = images(prod);
            for (var e : preImages.entrySet()) {
                ImageRef p = prodImages.get(e.getKey());
                if (p == null) {
                    continue;
                }
                compared++;
                ImageRef s = e.getValue();
                if (!s.repository().equals(p.repository()) || !s.version().equals(p.version())) {
                    findings.add(settings.fail("The image '" + e.getKey() + "' of "
                            + EnvironmentGroups.describe(group.getKey()) + " is " + s.reference()
                            + " in pre-production but " + p.reference() + " in production: production runs an "
                            + "artefact pre-production never tested.", group.getKey() + " image " + e.getKey(),
                            List.of(Evidence.line(s.path(), s.line()).withNote("pre-production: " + s.reference()),
                                    Evidence.line(p.path(), p.line()).withNote("production: " + p.reference()))));
                }
            }
            Map<String, RemoteRef> preRemotes = remotes(pre);
            Map<String, RemoteRef> prodRemotes = remotes(prod);
            for (var e : preRemotes.entrySet()) {
                RemoteRef p = prodRemotes.get(e.getKey());
                if (p == null) {
                    continue;
                }
                compared++;
                RemoteRef s = e.getValue();
                if (!s.ref().equals(p.ref())) {
                    findings.add(settings.fail("The remote base " + e.getKey() + " is at ref " + show(s.ref())
                            + " in pre-production but " + show(p.ref()) + " in production.",
                            group.getKey() + " remote " + e.getKey(),
                            List.of(Evidence.line(s.path(), s.line()).withNote("pre-production: ref " + show(s.ref())),
                                    Evidence.line(p.path(), p.line()).withNote("production: ref " + show(p.ref())))));
                }
            }
        }
        if (!pairs) {
            return Judgement.inapplicable("no pre-production and production definitions of the same thing");
        }
        if (compared == 0) {
            return Judgement.inapplicable("pre-production and production name no image or remote base in common");
        }
        String summary = findings.size() + " of "
                + Words.plural(compared, "image or remote base", "images and remote bases") + " "
                + Words.noun(findings.size(), "differs", "differ") + " between "
                + "pre-production and production";
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        return Judgement.of(findings, compared, summary).lost(findings.size());
    }

    private static String show(String ref) {
        return ref.isEmpty() ? "(none: the default branch)" : ref;
    }

    private static Map<String, ImageRef> images(List<EnvironmentDefinition> defs) {
        Map<String, ImageRef> out = new TreeMap<>();
        defs.forEach(d -> d.images().forEach(i -> out.putIfAbsent(i.slot(), i)));
        return out;
    }

    private static Map<String, RemoteRef> remotes(List<EnvironmentDefinition> defs) {
        Map<String, RemoteRef> out = new TreeMap<>();
        defs.forEach(d -> d.remotes().forEach(r -> out.putIfAbsent(r.url(), r)));
        return out;
    }
}
