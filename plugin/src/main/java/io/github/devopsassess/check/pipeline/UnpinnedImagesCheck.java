package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
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
 * {@code unpinned-images}: image references — CI job and service images and {@code docker://} steps, Dockerfile
 * base images, compose services, Kubernetes containers — with {@code :latest}, another floating tag
 * ({@code stable}, {@code alpine}) or no tag at all, in one finding that lists each image with its places;
 * Docker-in-Docker ({@code docker:stable} with a {@code docker:dind} service) is one image. References the files
 * cannot settle (a build argument, a variable) are counted as unknown; Helm values and kustomize entries (tags set at
 * deploy time), dev containers and test, example and local files are not judged. Whether a Docker Hub namespace is one
 * person's or an organisation's cannot be told offline, so it is not judged either.
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
                if (deployTimeOrTest(u)) {
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
        // (labelled noise on real repositories with twenty images).
        List<String> floatingNames = new ArrayList<>();
        List<Evidence> floatingEvidence = new ArrayList<>();
        String onlyFloating = null;
        for (Map.Entry<String, List<Use>> e : byRef.entrySet()) {
            List<Use> places = e.getValue();
            boolean floating = places.stream().anyMatch(u -> u.pinning() == Pinning.MUTABLE
                    || u.pinning() == Pinning.UNTAGGED);
            List<Evidence> evidence = places.stream().map(u -> Evidence.line(u.path(), u.line())
                    .withNote(u.ref() + " — " + u.source())).distinct().toList();
            String where = Words.plural(evidence.size(), "place", "places") + ": " + sources(places);
            if (floating) {
                floatingNames.add(e.getKey() + " (" + where + ")");
                floatingEvidence.addAll(evidence);
                onlyFloating = floatingMessage(e.getKey(), places) + " (" + where + ").";
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
        int problems = floatingNames.size();
        String summary = problems + " of " + Words.plural(byRef.size(), "image", "images")
                + " not pinned to a version or digest"
                + (unknown.isEmpty() ? "" : "; " + unknown.size() + " unknown, because set elsewhere: "
                        + String.join("; ", unknown.stream().limit(5).toList())
                        + (unknown.size() > 5 ? "; …" : ""));
        return Judgement.of(findings, byRef.size(), summary).lost(problems);
    }

    /**
     * Images the files do not settle or that never run in production: Helm values and kustomize entries (the tag
     * is set at deploy time: "override at deployment time", --set image.tag, newTag), dev container images and
     * features (a developer's tooling), and images in folders of tests, examples and fixtures or in compose files
     * for local runs and tests. Judges of real repositories labelled such findings wrong or trivial.
     */
    private static boolean deployTimeOrTest(ImageUse u) {
        String source = u.source();
        if (ImageUse.HELM.equals(source) || ImageUse.KUSTOMIZE.equals(source) || ImageUse.DEV_CONTAINER.equals(source)
                || ImageUse.DEV_CONTAINER_FEATURE.equals(source)) {
            return true;
        }
        String path = u.image().path().toLowerCase(Locale.ROOT);
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            // test/, e2e/, fixtures/, and folders such as .chainsaw-test/ or integration_tests/
            if (TEST_FOLDERS.contains(segments[i]) || TEST_FOLDER.matcher(segments[i]).matches()) {
                return true;
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return ImageUse.COMPOSE.equals(source) && name.matches(".*(test|local|dev|e2e|ci)[^/]*");
    }

    private static final java.util.regex.Pattern TEST_FOLDER = java.util.regex.Pattern.compile(
            "(.*[-_.])?tests?([-_.].*)?");
    private static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "e2e", "testdata", "fixtures",
            "test-fixtures", "examples", "example", "__tests__", "spec");

    /** The image as compared: {@code docker.io/library/x} is {@code x}; every Docker-in-Docker image is one. */
    private static String key(Use u) {
        String repo = normalise(u.repository());
        if (repo.equals("docker") && (u.pinning() == Pinning.MUTABLE || u.pinning() == Pinning.UNTAGGED
                || u.ref().toLowerCase(Locale.ROOT).contains("dind"))) {
            return DIND;
        }
        return withoutDockerHub(u.ref());
    }

    private static String normalise(String repository) {
        return withoutDockerHub(repository).toLowerCase(Locale.ROOT);
    }

    /** A reference without the Docker Hub prefix that names the same image ({@code docker.io/library/x} is x). */
    private static String withoutDockerHub(String ref) {
        String lower = ref.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/", "library/")) {
            if (lower.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return ref;
    }

    private static String floatingMessage(String key, List<Use> places) {
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
