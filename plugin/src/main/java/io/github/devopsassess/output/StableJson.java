package io.github.devopsassess.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON every output file is written with: indented and with map keys sorted, so that two runs diff cleanly in
 * review; unknown properties are ignored on reading, so a newer file stays readable by an older plugin.
 */
public final class StableJson {

    private StableJson() {
    }

    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
