package io.github.devopsassess.output;

import io.github.devopsassess.mask.SecretMask;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * The JSON every output file is written with: indented and with map keys sorted, so that two runs diff cleanly in
 * review; unknown properties are ignored on reading, so a newer file stays readable by an older plugin. Every string
 * value is written with secret values masked ({@link SecretMask}), whatever record it comes from.
 */
public final class StableJson {

    private StableJson() {
    }

    public static ObjectMapper newMapper() {
        SimpleModule masking = new SimpleModule("secret-masking").addSerializer(String.class, new MaskedStrings());
        return new ObjectMapper()
                .registerModule(masking)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes each string value with its secret values masked. */
    private static final class MaskedStrings extends StdSerializer<String> {

        private static final long serialVersionUID = 1L;

        MaskedStrings() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(SecretMask.text(value));
        }
    }
}
