package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.DevSetup;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentMatrix;
import io.github.devopsassess.facts.environment.ImageUse;
import io.github.devopsassess.facts.environment.ImageUses;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.RuntimePins;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads every environment definition of the assessed folder (Spring profiles, compose, kustomize, Helm, Terraform and
 * Terragrunt per environment, plain manifests, dotenv files, environment catalogues), the runtime pins (tool files, poms, Gradle builds, Travis CI, Dockerfiles, dev
 * containers, Terraform and provider versions) and what
 * gives a developer a local environment, into {@link EnvironmentFacts}, {@link RuntimePins} and
 * {@link ImageUses} (every image named outside the pipelines, judged for pinning).
 */
public final class EnvironmentScanner implements Scanner {

    @Override
    public String id() {
        return "environment";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        Inputs in = new Inputs(context.tree(), facts);
        List<EnvironmentDefinition> definitions = new ArrayList<>();
        List<RuntimePin> pins = new ArrayList<>();
        new SpringProfiles(in).read(definitions::add);
        new ComposeFiles(in).read(definitions::add);
        new KustomizeOverlays(in).read(definitions::add);
        new HelmValues(in).read(definitions::add);
        new TerraformVars(in).read(definitions::add, pins::add);
        new ManifestFolders(in).read(definitions::add);
        new DotEnvFiles(in).read(definitions::add);
        new EnvironmentCatalogue(in).read(definitions::add);
        definitions.sort(Comparator.comparing(EnvironmentDefinition::system)
                .thenComparing(EnvironmentDefinition::family).thenComparing(EnvironmentDefinition::environment)
                .thenComparing(EnvironmentDefinition::path).thenComparingInt(EnvironmentDefinition::line)
                .thenComparing(EnvironmentDefinition::name));

        new ToolVersionFiles(in).read(pins::add);
        new PomJavaVersions(in).read(pins::add);
        new GradleBuilds(in).read(pins::add);
        new TravisRuntimes(in).read(pins::add);
        List<ImageUse> images = new ArrayList<>();
        new Dockerfiles(in).read(images::add, pins::add);
        new DevContainers(in).read(pins::add, images::add);
        RuntimePins.add(facts, pins);
        new ImageReferences(in).read(definitions, images::add);
        facts.put(ImageUses.class, new ImageUses(images));

        List<DevSetup> setups = new ArrayList<>();
        new DevSetups(in).read(setups::add);
        setups.sort(Comparator.comparing(DevSetup::path).thenComparingInt(DevSetup::line));

        // Pins from scanners that ran earlier (CI) are in the matrix too; the checks read RuntimePins directly.
        List<RuntimePin> allPins = facts.find(RuntimePins.class).map(RuntimePins::pins).orElse(List.of());
        facts.put(EnvironmentFacts.class, new EnvironmentFacts(definitions, setups,
                EnvironmentMatrix.of(definitions, allPins)));
    }
}
