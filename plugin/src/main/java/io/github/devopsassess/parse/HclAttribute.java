package io.github.devopsassess.parse;

/**
 * An attribute {@code name = value} of an HCL body.
 *
 * @param name the attribute name
 * @param line 1-based line of the name
 * @param value the value
 */
public record HclAttribute(String name, int line, HclValue value) {
}
