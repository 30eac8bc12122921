package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.ImagePublisher;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.environment.ImageUses;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code unpinned-images}: every image reference — CI job and service images and {@code docker://} steps, Dockerfile
 * base images, compose services, Kubernetes containers, Helm values, kustomize {@code images:}, dev container images
 * and features — with {@code :latest}, another floating tag ({@code stable}, {@code alpine}) or no tag at all. The
 * same image wherever it is named is one finding listing its places; Docker-in-Docker ({@code docker:stable} with a
 * {@code docker:dind} service) is one finding. An image of a personal Docker Hub namespace is a higher risk: even a
 * version tag there is one person's to move, so only a digest passes. References the files cannot settle (a build
 * argument, a Helm chart's {@code appVersion}, a kustomize base's tag, a variable) are counted as unknown, not judged.
 */
public final class UnpinnedImagesCheck implements Check {

    public static final String ID = "unpinned-images";

    private static final String DIND = "docker (Docker-in-Docker)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** One place an image is named. */
    private record Use(String ref, String repository, Pinning pinning, String source, String path, int line) {
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        List<Use> uses = new ArrayList<>();
        facts.find(PipelineFacts.class).ifPresent(p -> {
            for (Workflow w : p.workflows()) {
                for (Job j : w.jobs()) {
                    for (Reference r : j.references()) {
                        if (r.image()) {
                            uses.add(new Use(r.ref(), repository(r.ref()), r.pinning(), "ci", r.at().path(),
                                    r.at().line()));
                        }
                    }
                }
            }
        });
        Set<String> unknown = new TreeSet<>();
        facts.find(ImageUses.class).ifPresent(i -> {
            for (ImageUse u : i.uses()) {
                if (u.pinning() == Pinning.VARIABLE) {
                    unknown.add(u.image().reference() + " (" + u.image().path() + ":" + u.image().line() + ", "
                            + (u.unknown().isEmpty() ? "a variable" : u.unknown()) + ")");
                    continue;
                }
                uses.add(new Use(u.image().reference(), u.image().repository(), u.pinning(), u.source(),
                        u.image().path(), u.image().line()));
            }
        });
        Map<String, List<Use>> byRef = new TreeMap<>();
        for (Use u : uses) {
            if (u.pinning() == Pinning.VARIABLE) {
                unknown.add(u.ref() + " (" + u.path() + ":" + u.line() + ", a variable)");
                continue;
            }
            byRef.computeIfAbsent(key(u), k -> new ArrayList<>()).add(u);
        }
        if (byRef.isEmpty()) {
            return unknown.isEmpty() ? Judgement.inapplicable("no container image is named (pipelines, Dockerfiles,"
                    + " compose, Kubernetes, Helm, kustomize, dev containers)")
                    : Judgement.inapplicable("unknown, because every image reference is set elsewhere: "
                            + String.join("; ", unknown));
        }
        // One practice, one finding: the images that float are listed in one finding, not one finding per image
        // (labelled noise on real repositories with twenty images); so are the personal images pinned by tag only.
        List<String> floatingNames = new ArrayList<>();
        List<Evidence> floatingEvidence = new ArrayList<>();
        String onlyFloating = null;
        List<String> personalNames = new ArrayList<>();
        List<Evidence> personalEvidence = new ArrayList<>();
        String onlyPersonal = null;
        for (Map.Entry<String, List<Use>> e : byRef.entrySet()) {
            List<Use> places = e.getValue();
            boolean floating = places.stream().anyMatch(u -> u.pinning() == Pinning.MUTABLE
                    || u.pinning() == Pinning.UNTAGGED);
            boolean personal = ImagePublisher.of(places.get(0).repository()) == ImagePublisher.PERSONAL;
            boolean tagOnly = places.stream().anyMatch(u -> u.pinning() == Pinning.TAG);
            List<Evidence> evidence = places.stream().map(u -> Evidence.line(u.path(), u.line())
                    .withNote(u.ref() + " — " + u.source())).distinct().toList();
            String where = Words.plural(evidence.size(), "place", "places") + ": " + sources(places);
            if (floating) {
                floatingNames.add(e.getKey() + " (" + where + ")");
                floatingEvidence.addAll(evidence);
                onlyFloating = floatingMessage(e.getKey(), places, personal) + " (" + where + ").";
            } else if (personal && tagOnly) {
                personalNames.add(e.getKey() + " (" + where + ")");
                personalEvidence.addAll(evidence);
                onlyPersonal = "Image " + e.getKey() + " comes from a personal Docker Hub namespace and is pinned by"
                        + " tag only: its owner alone can push something else under the same tag; pin it by digest or"
                        + " use an official or organisation image (" + where + ").";
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (!floatingNames.isEmpty()) {
            String message = floatingNames.size() == 1 ? onlyFloating
                    : floatingNames.size() + " images have no tag or a floating tag, so what runs changes whenever"
                            + " their publishers push: " + Listing.some(floatingNames, 8, ", ") + ".";
            findings.add(settings.fail(message, "images:floating",
                    floatingEvidence.stream().distinct().limit(30).toList()));
        }
        if (!personalNames.isEmpty()) {
            String message = personalNames.size() == 1 ? onlyPersonal
                    : personalNames.size() + " images come from personal Docker Hub namespaces and are pinned by tag"
                            + " only: each owner alone can push something else under the same tag; pin them by digest"
                            + " or use official or organisation images: " + Listing.some(personalNames, 8, ", ") + ".";
            findings.add(settings.warn(message, "images:personal",
                    personalEvidence.stream().distinct().limit(30).toList()));
        }
        int problems = floatingNames.size() + personalNames.size();
        String summary = problems + " of " + Words.plural(byRef.size(), "image", "images")
                + " not pinned to a version or digest"
                + (unknown.isEmpty() ? "" : "; " + unknown.size() + " unknown, because set elsewhere: "
                        + String.join("; ", unknown.stream().limit(5).toList())
                        + (unknown.size() > 5 ? "; …" : ""));
        return Judgement.of(findings, byRef.size(), summary).lost(problems);
    }

    /** The image as compared: {@code docker.io/library/x} is {@code x}; every Docker-in-Docker image is one. */
    private static String key(Use u) {
        String repo = normalise(u.repository());
        if (repo.equals("docker") && (u.pinning() == Pinning.MUTABLE || u.pinning() == Pinning.UNTAGGED
                || u.ref().toLowerCase(Locale.ROOT).contains("dind"))) {
            return DIND;
        }
        String ref = u.ref();
        String lower = ref.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/", "library/")) {
            if (lower.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return ref;
    }

    private static String normalise(String repository) {
        String r = repository.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/", "library/")) {
            if (r.startsWith(prefix)) {
                return r.substring(prefix.length());
            }
        }
        return r;
    }

    private static String floatingMessage(String key, List<Use> places, boolean personal) {
        if (key.equals(DIND)) {
            Set<String> refs = new LinkedHashSet<>();
            places.forEach(u -> refs.add(u.ref()));
            return "Docker-in-Docker uses floating images (" + String.join(", ", refs) + "): the Docker daemon and"
                    + " client that build and push change whenever Docker publishes";
        }
        Use first = places.get(0);
        if (places.stream().allMatch(u -> ImageUse.DEV_CONTAINER_FEATURE.equals(u.source()))) {
            return "Dev container feature " + first.repository() + (first.pinning() == Pinning.UNTAGGED
                    ? " has no version: each rebuild installs whatever its default is that day"
                    : " installs version '" + key.substring(key.lastIndexOf(':') + 1) + "': each rebuild may"
                            + " bring another release");
        }
        boolean untagged = places.stream().allMatch(u -> u.pinning() == Pinning.UNTAGGED);
        return "Image " + key + (untagged ? " has no tag (so latest)" : " uses a floating tag")
                + (personal ? ", from a personal Docker Hub namespace (one person can push anything under it)" : "")
                + ": what runs changes whenever its publisher pushes";
    }

    private static String sources(List<Use> places) {
        Set<String> s = new TreeSet<>();
        places.forEach(u -> s.add(u.source()));
        return String.join(", ", s);
    }

    /** The repository part of a reference as written. */
    private static String repository(String ref) {
        return ImageRef.parse("ci", ref.startsWith("docker://") ? ref.substring(9) : ref, "", 0).repository();
    }
}
