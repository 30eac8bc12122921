package io.github.devopsassess.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The JSON Schema shipped in devops-rubrics describes the rubric language that the loader reads. */
class RubricSchemaTest {

    private static final String SCHEMA = "/io/github/devopsassess/rubrics/rubric.schema.json";

    private static JsonSchema schema() throws Exception {
        try (InputStream in = RubricSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as("rubric.schema.json in devops-rubrics").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** YAML with its types (numbers, booleans) as JSON, the way a YAML-aware editor validates it. */
    private static JsonNode yaml(String resource) throws Exception {
        try (InputStream in = RubricSchemaTest.class.getResourceAsStream(resource)) {
            Object data = new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new ObjectMapper().valueToTree(data);
        }
    }

    @Test
    void theDefaultRubricValidates() throws Exception {
        Set<ValidationMessage> errors = schema().validate(yaml("/" + RubricLoader.DEFAULT_RESOURCE));
        assertThat(errors).isEmpty();
    }

    @Test
    void aTeamRubricWithEveryCustomTypeValidates() throws Exception {
        assertThat(schema().validate(yaml("/custom/rubrics/team.yaml"))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema = schema();
        assertThat(schema.validate(json.readTree("{\"version\": 2}"))).isNotEmpty();
        assertThat(schema.validate(json.readTree("{\"checks\": {\"truck-factor\": {\"treshold\": {}}}}")))
                .isNotEmpty();
        assertThat(schema.validate(json.readTree("{\"checks\": {\"x\": {\"thresholds\": {\"warn\": \"three\"}}}}")))
                .isNotEmpty();
        assertThat(schema.validate(json.readTree("{\"checks\": {\"x\": {\"type\": \"yaml-path\","
                + " \"files\": \"a.yaml\"}}}"))).as("yaml-path without require").isNotEmpty();
        assertThat(schema.validate(json.readTree("{\"extends\": [\"default\", \"classpath:acme/r.yaml\"]}")))
                .isEmpty();
    }

    @Test
    void theLoaderKnowsExactlyTheKeysTheSchemaDescribes() throws Exception {
        JsonNode schema;
        try (InputStream in = RubricSchemaTest.class.getResourceAsStream(SCHEMA)) {
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(names(schema.at("/properties"))).isEqualTo(RubricLoader.TOP_KEYS);
        assertThat(names(schema.at("/$defs/area/properties"))).isEqualTo(RubricLoader.AREA_KEYS);
        assertThat(names(schema.at("/$defs/check/properties"))).isEqualTo(RubricLoader.CHECK_KEYS);
        assertThat(names(schema.at("/$defs/level/properties"))).isEqualTo(RubricLoader.LEVEL_KEYS);
        assertThat(names(schema.at("/$defs/profile/properties"))).isEqualTo(RubricLoader.PROFILE_KEYS);
        assertThat(names(schema.at("/$defs/check/properties/docs/properties"))).isEqualTo(RubricLoader.DOCS_KEYS);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
