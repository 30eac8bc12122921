package io.github.devopsassess.facts.supplychain;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * How the repository audits its suppliers: build files and pipelines that generate an SBOM, scan dependencies,
 * sign what is released or publish it, and the checksums of build-tool wrappers.
 *
 * @param manifests the dependency manifests found (pom.xml, build.gradle, package.json, go.mod…), sorted
 * @param evidence every place a capability was recognised, sorted by path and line
 * @param wrappers the wrapper properties files, sorted by path
 */
public record SupplyChainFacts(List<String> manifests, List<SupplyChainEvidence> evidence, List<WrapperFile> wrappers)
        implements Input {

    public SupplyChainFacts {
        manifests = List.copyOf(manifests);
        evidence = List.copyOf(evidence);
        wrappers = List.copyOf(wrappers);
    }

    public List<SupplyChainEvidence> of(Capability capability) {
        return evidence.stream().filter(e -> e.capability() == capability).toList();
    }

    /** Without a dependency manifest there are no third-party components to audit. */
    @Override
    public Optional<String> unusable() {
        return manifests.isEmpty() ? Optional.of("no dependency manifest found (pom.xml, build.gradle, package.json,"
                + " go.mod, requirements.txt, pyproject.toml, Cargo.toml, Gemfile…)") : Optional.empty();
    }
}
