package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code runtime-version-drift}: the same runtime (Java, Node, Python, Terraform…) pinned at different major or
 * minor versions in different places — dev container, version-manager files, build descriptor, CI setup, deployed
 * image. Works on {@link RuntimePins}, so every scanner that finds pins (CI included) is compared here.
 */
public final class RuntimeDriftCheck implements Check {

    public static final String ID = "runtime-version-drift";

    /** A numeric version: major and, when pinned, minor. */
    record Version(int major, Integer minor) {
        /** Different majors, or different minors where both are pinned (17 and 17.0.2 agree). */
        boolean conflicts(Version o) {
            return major != o.major || minor != null && o.minor != null && !minor.equals(o.minor);
        }

        static Optional<Version> parse(String runtime, String text) {
            if (!text.matches("\\d+(\\.\\d+)*.*")) {
                return Optional.empty();
            }
            String[] parts = text.replaceAll("[^0-9.].*$", "").split("\\.");
            int major = Integer.parseInt(parts[0]);
            Integer minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.valueOf(parts[1]) : null;
            if (runtime.equals("java") && major == 1 && minor != null) {
                return Optional.of(new Version(minor, null)); // 1.8 is Java 8
            }
            if (runtime.equals("java")) {
                minor = null; // Java's feature release is the major; 17.0.2 and 17.0.8 are the same Java
            }
            return Optional.of(new Version(major, minor));
        }
    }

    /** Folders that demonstrate or test rather than run the product. */
    private static final java.util.regex.Pattern NOT_PRODUCT = java.util.regex.Pattern.compile(
            "(?i)(^|/)(examples?|samples?|demos?|tests?|testdata|fixtures?|docs?)/");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(RuntimePins.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        List<RuntimePin> pins = facts.get(RuntimePins.class).pins();
        if (pins.isEmpty()) {
            return Judgement.inapplicable("no runtime version is pinned (tool files, poms, Dockerfiles, dev containers"
                    + " or CI)");
        }
        // A CI file that sets up several versions of one runtime is a test matrix: coverage, not drift. Examples,
        // samples and test fixtures pin what they demonstrate, not what the project runs.
        Map<String, java.util.Set<String>> versionsPerCiFile = new TreeMap<>();
        for (RuntimePin p : pins) {
            if (RuntimePin.CI.equals(p.origin())) {
                versionsPerCiFile.computeIfAbsent(p.runtime() + " " + p.path(), k -> new java.util.TreeSet<>())
                        .add(p.version());
            }
        }
        Map<String, List<RuntimePin>> byRuntime = new TreeMap<>();
        for (RuntimePin p : pins) {
            boolean matrix = RuntimePin.CI.equals(p.origin())
                    && versionsPerCiFile.get(p.runtime() + " " + p.path()).size() > 1;
            if (matrix || NOT_PRODUCT.matcher(p.path()).find()) {
                continue;
            }
            if (Version.parse(p.runtime(), p.version()).isPresent()) {
                byRuntime.computeIfAbsent(p.runtime(), r -> new ArrayList<>()).add(p);
            }
        }
        int compared = 0;
        List<String> ciOnly = new ArrayList<>();
        List<String> separateRoots = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (var e : byRuntime.entrySet()) {
            List<RuntimePin> list = e.getValue();
            if (list.size() < 2) {
                continue;
            }
            // Versions that only CI workflows set up (independent utility jobs, a tool tested on several versions)
            // drift from no runtime the product ships on; provider pins of separate Terraform roots that differ only
            // in minor versions are applied each with its own. Judges of real repositories labelled both wrong or
            // trivial. A root a whole major version behind the others is still reported.
            if (list.stream().allMatch(p -> RuntimePin.CI.equals(p.origin()))) {
                ciOnly.add(e.getKey());
                continue;
            }
            if (e.getKey().startsWith("terraform provider ") && list.stream().map(RuntimeDriftCheck::folder)
                    .distinct().count() == list.size() && list.stream().map(p -> Version.parse(e.getKey(),
                            p.version()).orElseThrow().major()).distinct().count() == 1) {
                separateRoots.add(e.getKey());
                continue;
            }
            compared++;
            boolean majorDrift = false;
            boolean minorDrift = false;
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Version a = Version.parse(e.getKey(), list.get(i).version()).orElseThrow();
                    Version b = Version.parse(e.getKey(), list.get(j).version()).orElseThrow();
                    if (a.major() != b.major()) {
                        majorDrift = true;
                    } else if (a.conflicts(b)) {
                        minorDrift = true;
                    }
                }
            }
            if (majorDrift || minorDrift) {
                findings.add(finding(settings, e.getKey(), list, majorDrift));
            }
        }
        String left = (ciOnly.isEmpty() ? "" : "; not compared, because only CI workflows pin them: "
                + String.join(", ", ciOnly))
                + (separateRoots.isEmpty() ? "" : "; not compared, because each Terraform root pins its own minor version: "
                        + String.join(", ", separateRoots));
        if (compared == 0) {
            return Judgement.inapplicable("no runtime is pinned in more than one place" + left);
        }
        String summary = findings.size() + " of "
                + Words.plural(compared, "runtime", "runtimes") + " pinned in several places "
                + Words.noun(findings.size(), "disagrees", "disagree") + left;
        if (findings.isEmpty()) {
            return Judgement.clean(summary);
        }
        boolean anyMajor = findings.stream().anyMatch(f -> f.severity() == settings.severity());
        return Judgement.of(findings, compared, summary).lost(findings.size());
    }

    /** Above this many pins a finding names each version once, with how many places pin it and an example. */
    private static final int LISTED = 6;
    /** Places shown as evidence per version when there are many. */
    private static final int EVIDENCE_PER_VERSION = 3;

    private static Finding finding(CheckSettings settings, String runtime, List<RuntimePin> pins, boolean major) {
        Set<String> versions = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        Map<String, List<RuntimePin>> byVersion = new java.util.LinkedHashMap<>();
        pins.forEach(p -> byVersion.computeIfAbsent(p.version(), v -> new ArrayList<>()).add(p));
        for (var v : byVersion.entrySet()) {
            List<RuntimePin> at = v.getValue();
            if (pins.size() > LISTED) {
                versions.add(v.getKey() + " (" + Words.plural(at.size(), "place", "places") + ", e.g. "
                        + where(at.get(0)) + " " + at.get(0).path() + ")");
            }
            for (int i = 0; i < at.size(); i++) {
                RuntimePin p = at.get(i);
                if (pins.size() <= LISTED) {
                    versions.add(p.version() + " (" + where(p) + " " + p.path() + ")");
                } else if (i >= EVIDENCE_PER_VERSION) {
                    break;
                }
                evidence.add(Evidence.line(p.path(), p.line()).withNote(runtime + " " + p.version() + " — "
                        + where(p)));
            }
        }
        String consequence = runtime.startsWith("terraform")
                ? " Infrastructure is planned and applied with different versions in different places: what one root or"
                        + " environment tried is not what another applies."
                : " What developers and CI build and test on is not what production runs.";
        String message = capitalise(runtime) + " is pinned at different " + (major ? "major" : "minor")
                + " versions: " + versions.stream().collect(Collectors.joining(", ")) + "." + consequence;
        String subject = "runtime " + runtime;
        return major ? settings.fail(message, subject, evidence) : settings.warn(message, subject, evidence);
    }

    private static String folder(RuntimePin p) {
        int slash = p.path().lastIndexOf('/');
        return slash < 0 ? "" : p.path().substring(0, slash);
    }

    private static String where(RuntimePin p) {
        return p.environment().isEmpty() ? p.origin() : p.origin() + ", " + p.environment();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
