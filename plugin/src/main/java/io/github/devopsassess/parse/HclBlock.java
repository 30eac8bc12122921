package io.github.devopsassess.parse;

import java.util.List;
import java.util.Optional;

/**
 * A block such as {@code resource "pagerduty_schedule" "primary" { … }}.
 *
 * @param type the block type ({@code resource}, {@code layer})
 * @param labels the labels in order, without quotes
 * @param line 1-based line of the block type
 * @param body what the braces hold
 */
public record HclBlock(String type, List<String> labels, int line, HclBody body) {

    public HclBlock {
        labels = List.copyOf(labels);
    }

    /** The label at this index, if there is one. */
    public Optional<String> label(int index) {
        return index < labels.size() ? Optional.of(labels.get(index)) : Optional.empty();
    }

    public Optional<HclAttribute> attribute(String name) {
        return body.attribute(name);
    }

    /** The first nested block of this type. */
    public Optional<HclBlock> block(String blockType) {
        return body.block(blockType);
    }

    public List<HclBlock> blocks(String blockType) {
        return body.blocks(blockType);
    }

    /** The line of an attribute, else of the block. */
    public int lineOf(String attribute) {
        return body.attribute(attribute).map(HclAttribute::line).orElse(line);
    }
}
