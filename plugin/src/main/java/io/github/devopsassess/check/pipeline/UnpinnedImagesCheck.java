package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.environment.ImageUses;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.StepRole;
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
 * deploy time), dev containers and test, example and local files are not judged. Only images that shape what reaches
 * production are judged: images of CI jobs that deploy, release or push an image (not of jobs that only test or
 * lint), compose files only when a deploying job runs docker compose, and Kubernetes manifests except names that a
 * kustomize {@code images:} entry replaces with a pinned image (placeholders). Whether a Docker Hub namespace is one
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
        Set<String> skippedCi = new TreeSet<>();
        facts.find(PipelineFacts.class).ifPresent(p -> {
            for (Workflow w : p.workflows()) {
                for (Job j : w.jobs()) {
                    boolean shipping = ships(j);
                    for (Reference r : j.references()) {
                        if (r.image() && !shipping) {
                            skippedCi.add(r.ref());
                        } else if (r.image()) {
                            uses.add(new Use(r.ref(), repository(r.ref()), r.pinning(), "ci", r.at().path(),
                                    r.at().line()));
                        }
                    }
                }
            }
        });
        Set<String> unknown = new TreeSet<>();
        boolean composeDeploys = facts.find(PipelineFacts.class).map(p -> p.jobs().stream().filter(Job::deploys)
                .flatMap(j -> j.steps().stream())
                .anyMatch(st -> st.text() != null && st.text().toLowerCase(Locale.ROOT).contains("compose")))
                .orElse(false);
        Set<String> rewritten = new TreeSet<>();
        facts.find(ImageUses.class).ifPresent(i -> i.uses().stream()
                .filter(u -> ImageUse.KUSTOMIZE.equals(u.source()) && !u.image().version().isEmpty())
                .forEach(u -> rewritten.add(normalise(u.image().slot()))));
        Set<String> skipped = new TreeSet<>();
        facts.find(ImageUses.class).ifPresent(i -> {
            for (ImageUse u : i.uses()) {
                if (ImageUse.COMPOSE.equals(u.source()) && !composeDeploys) {
                    // compose files no deploying job uses are for local runs and tests (labelled trivial)
                    skipped.add("compose");
                    continue;
                }
                if (ImageUse.KUBERNETES.equals(u.source()) && rewritten.contains(normalise(u.image().repository()))) {
                    // a kustomize images: entry gives this name its real image and tag (a placeholder)
                    continue;
                }
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
        if (byRef.isEmpty() && (!skippedCi.isEmpty() || !skipped.isEmpty()) && unknown.isEmpty()) {
            return Judgement.inapplicable("no image that reaches production is named"
                    + (skippedCi.isEmpty() ? "" : "; images of CI jobs that neither deploy nor publish are not judged ("
                            + String.join(", ", skippedCi) + ")")
                    + (skipped.isEmpty() ? "" : "; compose files are not judged: no deploying job runs docker"
                            + " compose"));
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
        String notJudged = (skippedCi.isEmpty() ? "" : "; images of CI jobs that neither deploy nor publish are"
                + " not judged (" + skippedCi.size() + ")") + (skipped.isEmpty() ? "" : "; compose files are not"
                + " judged: no deploying job runs docker compose");
        String summary = problems + " of " + Words.plural(byRef.size(), "image", "images")
                + " not pinned to a version or digest" + notJudged
                + (unknown.isEmpty() ? "" : "; " + unknown.size() + " unknown, because set elsewhere: "
                        + String.join("; ", unknown.stream().limit(5).toList())
                        + (unknown.size() > 5 ? "; …" : ""));
        return Judgement.of(findings, byRef.size(), summary).lost(problems);
    }

    private static final java.util.regex.Pattern PUSHES = java.util.regex.Pattern.compile(
            "(?i)docker\\s+(image\\s+)?push|buildx\\s+build[^\\n]*--push|\\bkaniko\\b|/kaniko/executor|buildah\\s+push"
                    + "|podman\\s+push|\\bcrane\\s+(push|copy)\\b|\\bskopeo\\s+copy\\b");

    /**
     * Whether a job's images shape what reaches production: it deploys, releases or pushes an image. The tools of a
     * job that only tests or lints (a floating linter image, Docker-in-Docker for a test run) were labelled trivial.
     */
    private static boolean ships(Job j) {
        return j.deploys() || j.has(StepRole.RELEASE) || j.steps().stream()
                .anyMatch(st -> st.text() != null && PUSHES.matcher(st.text()).find());
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
