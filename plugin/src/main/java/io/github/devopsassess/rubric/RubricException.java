package io.github.devopsassess.rubric;

import io.github.devopsassess.model.ParseProblem;

import java.util.List;
import java.util.stream.Collectors;

/** A rubric that cannot be used; each problem names the file and line. */
public final class RubricException extends Exception {

    private final List<ParseProblem> problems;

    public RubricException(List<ParseProblem> problems) {
        super("Invalid rubric:\n" + problems.stream().map(p -> "  " + p.label()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ParseProblem> problems() {
        return problems;
    }
}
