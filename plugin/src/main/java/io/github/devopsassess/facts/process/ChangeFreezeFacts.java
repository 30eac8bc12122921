package io.github.devopsassess.facts.process;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * The change freezes declared in CI definitions and Terraform.
 *
 * @param files the CI definitions and Terraform files read, sorted
 * @param freezes every freeze found, sorted by path and line
 */
public record ChangeFreezeFacts(List<String> files, List<ChangeFreeze> freezes) implements Input {

    public ChangeFreezeFacts {
        files = List.copyOf(files);
        freezes = List.copyOf(freezes);
    }

    /** Without CI definitions or Terraform there is nowhere a freeze could be declared. */
    @Override
    public Optional<String> unusable() {
        return files.isEmpty() ? Optional.of("no CI definitions or Terraform found, where a change freeze would be"
                + " declared") : Optional.empty();
    }
}
