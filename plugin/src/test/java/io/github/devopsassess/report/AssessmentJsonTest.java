package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentJsonTest {

    private static JsonSchema schema() throws Exception {
        try (InputStream in = AssessmentJson.class.getResourceAsStream("/io/github/devopsassess/assessment.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Assessment sample(Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "class A {}\n").write("lib/B.java", "class B {}\n")
                    .commit("Ann", "ann@example.org", "first");
            repo.append("src/A.java", "//").append("lib/B.java", "//").commit("Ann", "ann@example.org", "second");
            repo.write("bad/.gitlab-ci.yml", "x: [unclosed\n");
        }
        return new Assessor().assess(Requests.of(dir)).assessment();
    }

    @Test
    void writtenJsonValidatesAgainstTheDocumentedSchema(@TempDir Path dir) throws Exception {
        String json = AssessmentJson.toJson(sample(dir));
        JsonNode node = new ObjectMapper().readTree(json);
        Set<ValidationMessage> errors = schema().validate(node);
        assertThat(errors).isEmpty();
        assertThat(node.at("/findings/0/severity").asText()).isEqualTo("high");
        assertThat(node.at("/areas/0/assessed").asBoolean()).isFalse();
        assertThat(node.at("/areas/0/score").isNull()).isTrue();
        // No pipeline: the default ladder requires pipeline-defined for "managed".
        assertThat(node.at("/nextLevel/level").asText()).isEqualTo("managed");
        assertThat(node.at("/nextLevel/blockingChecks/0/check").asText()).isEqualTo("pipeline-defined");
        assertThat(node.at("/nextLevel/blockingChecks/0/status").asText()).isEqualTo("fail");
    }

    @Test
    void schemaRejectsAnUnknownSeverity(@TempDir Path dir) throws Exception {
        String json = AssessmentJson.toJson(sample(dir)).replaceFirst("\"severity\" : \"high\"",
                "\"severity\" : \"urgent\"");
        assertThat(schema().validate(new ObjectMapper().readTree(json))).isNotEmpty();
    }

    @Test
    void jsonRoundTripsAndIsStable(@TempDir Path dir) throws Exception {
        Assessment a = sample(dir);
        Path file = dir.resolve("out/assessment.json");
        AssessmentJson.write(a, file);
        Assessment back = AssessmentJson.read(file);
        assertThat(back).isEqualTo(a);
        assertThat(AssessmentJson.toJson(back)).isEqualTo(AssessmentJson.toJson(a));
    }
}
