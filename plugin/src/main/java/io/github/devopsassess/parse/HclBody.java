package io.github.devopsassess.parse;

import java.util.List;
import java.util.Optional;

/**
 * The content of an HCL file or of a block: attributes and nested blocks, each in document order.
 */
public record HclBody(List<HclAttribute> attributes, List<HclBlock> blocks) {

    public HclBody {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** The attribute of this name (the last one, should a body repeat it). */
    public Optional<HclAttribute> attribute(String name) {
        HclAttribute found = null;
        for (HclAttribute a : attributes) {
            if (a.name().equals(name)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<HclBlock> block(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).findFirst();
    }

    public List<HclBlock> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
}
