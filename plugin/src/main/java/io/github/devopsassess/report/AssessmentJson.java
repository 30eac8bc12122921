package io.github.devopsassess.report;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.output.StableJson;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Reads and writes {@code assessment.json} with {@link StableJson}. */
public final class AssessmentJson {

    private static final ObjectMapper MAPPER = StableJson.newMapper().registerModule(lowerCaseIds());

    private AssessmentJson() {
    }

    /** Severities and statuses appear as their rubric ids ("high", "not-assessed"), as users write them. */
    private static SimpleModule lowerCaseIds() {
        SimpleModule module = new SimpleModule("devops-ids");
        module.addSerializer(Severity.class, new StdSerializer<>(Severity.class) {
            @Override
            public void serialize(Severity value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addDeserializer(Severity.class, new StdDeserializer<>(Severity.class) {
            @Override
            public Severity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                Severity s = Severity.parse(p.getValueAsString());
                if (s == null) {
                    throw ctxt.weirdStringException(p.getValueAsString(), Severity.class, "unknown severity");
                }
                return s;
            }
        });
        module.addSerializer(CheckStatus.class, new StdSerializer<>(CheckStatus.class) {
            @Override
            public void serialize(CheckStatus value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addDeserializer(CheckStatus.class, new StdDeserializer<>(CheckStatus.class) {
            @Override
            public CheckStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                for (CheckStatus s : CheckStatus.values()) {
                    if (s.id().equals(text)) {
                        return s;
                    }
                }
                throw ctxt.weirdStringException(text, CheckStatus.class, "unknown check status");
            }
        });
        return module;
    }

    public static String toJson(Assessment assessment) throws IOException {
        return MAPPER.writeValueAsString(assessment) + "\n";
    }

    public static void write(Assessment assessment, Path file) throws IOException {
        AtomicFiles.write(file, toJson(assessment));
    }

    public static Assessment read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Assessment.class);
    }
}
