package io.github.devopsassess.scan.pipeline;

import java.util.List;

/**
 * The CI definitions found for the assessed folder.
 *
 * @param definitions every definition file, sorted by path
 * @param searched human description of where the scanner looked, for "none found" messages
 */
public record PipelineFacts(List<PipelineDefinition> definitions, List<String> searched) {
    public PipelineFacts {
        definitions = List.copyOf(definitions);
        searched = List.copyOf(searched);
    }
}
