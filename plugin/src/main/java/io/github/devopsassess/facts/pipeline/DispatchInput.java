package io.github.devopsassess.facts.pipeline;

import java.util.List;

/**
 * An input of a manually dispatched run ({@code workflow_dispatch.inputs}, Azure {@code parameters}).
 *
 * @param name input name
 * @param type {@code string}, {@code choice}, {@code environment}, {@code boolean}, ...
 * @param options the allowed values of a choice, empty for free text
 * @param at where it is written
 */
public record DispatchInput(String name, String type, List<String> options, Location at) {

    public DispatchInput {
        options = List.copyOf(options);
    }

    /** Anyone who may dispatch the run can type any value. */
    public boolean freeText() {
        return options.isEmpty() && ("string".equals(type) || type == null);
    }
}
