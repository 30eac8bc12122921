package io.github.devopsassess.check.build;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.build.BuildModule;
import io.github.devopsassess.facts.build.BuildModuleFacts;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code modules-outside-build}: folders with a Maven or Gradle build of their own that the project's build does
 * not list and that no CI definition or build script names, so nobody compiles or tests them: legacy code exempt
 * from the build. One finding lists them, each with its build file and the {@code <modules>} block or
 * {@code include}s that leave it out.
 */
public final class ModulesOutsideBuildCheck implements Check {

    public static final String ID = "modules-outside-build";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(BuildModuleFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        BuildModuleFacts builds = facts.get(BuildModuleFacts.class);
        List<BuildModule> outside = builds.unlisted().stream().filter(m -> m.builtBy().isEmpty()).toList();
        int judged = builds.buildFiles().size();
        if (outside.isEmpty()) {
            long elsewhere = builds.unlisted().size();
            return Judgement.clean(judged, judged + " build files; every module is listed by its build"
                    + (elsewhere == 0 ? "" : " or built by name in CI (" + elsewhere + ")"));
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (BuildModule m : outside) {
            names.add(m.folder() + "/");
            if (m.aggregator() != null && m.commentedOut() > 0) {
                evidence.add(Evidence.line(m.aggregator(), m.commentedOut()).withNote(m.folder()
                        + " is commented out of the modules"));
            } else if (m.aggregator() != null) {
                evidence.add(Evidence.line(m.aggregator(), m.aggregatorLine()).withNote("does not list "
                        + m.folder()));
            }
            evidence.add(Evidence.line(m.buildFile(), m.line()).withNote(m.aggregator() == null
                    ? "a build of its own that no CI definition or script names" : "not listed by " + m.aggregator()));
        }
        List<String> parts = new ArrayList<>();
        List<String> unlisted = outside.stream().filter(m -> m.aggregator() != null).map(m -> m.folder() + "/")
                .toList();
        List<String> standalone = outside.stream().filter(m -> m.aggregator() == null).map(m -> m.folder() + "/")
                .toList();
        if (!unlisted.isEmpty()) {
            parts.add(String.join(", ", unlisted) + (unlisted.size() == 1 ? " has a build file of its own that the"
                    + " project's build does not list" : " have build files of their own that the project's build"
                    + " does not list"));
        }
        if (!standalone.isEmpty()) {
            parts.add(String.join(", ", standalone) + (standalone.size() == 1 ? " is a build of its own"
                    : " are builds of their own"));
        }
        String message = String.join("; ", parts) + ", and no CI definition or build script builds "
                + (outside.size() == 1 ? "it" : "them") + ": code outside the build, that nobody compiles or tests"
                + " when the rest changes.";
        Finding finding = settings.fail(message, "modules-outside-build:" + String.join(",",
                outside.stream().map(BuildModule::folder).toList()), evidence);
        return Judgement.of(List.of(finding), judged, outside.size() + " of " + judged
                + " build files are outside every build").lost(Math.min(outside.size(), judged));
    }
}
