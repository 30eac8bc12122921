package io.github.devopsassess.facts.supplychain;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * Every remote source reference found, sorted by path and line.
 *
 * @param sources the references
 * @param filesRead how many files were read for them (Terraform, Terragrunt, kustomize, requirements, pyproject,
 *     package.json, Dockerfiles, CI definitions, Makefiles and shell scripts)
 */
public record RemoteSources(List<RemoteSource> sources, int filesRead) implements Input {

    public RemoteSources {
        sources = List.copyOf(sources);
    }

    /** Always usable: no reference at all is a result ("nothing to judge"), decided by the check. */
    @Override
    public Optional<String> unusable() {
        return Optional.empty();
    }
}
