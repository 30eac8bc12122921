package io.github.devopsassess.facts.pipeline;

/**
 * A GitHub Actions expression ({@code ${{ … }}}) written into the text of a script: a step's {@code run:} or the
 * {@code script:} input of {@code actions/github-script}. GitHub substitutes its value into the script before the
 * shell or JavaScript reads it, so the value becomes code. An expression passed through {@code env:} and read as
 * {@code "$VAR"} is not one of these.
 *
 * @param expression the expression's text without its braces, trimmed ({@code github.event.issue.title})
 * @param field {@code run} or {@code script}
 * @param at the line it is written on
 */
public record ScriptExpression(String expression, String field, Location at) {
}
