package io.github.devopsassess.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.Waiver;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OutputFormatsTest {

    /** Where .ci/run installs the official SARIF 2.1.0 schema (from the npm registry), unless -Dsarif.schema says. */
    static Path sarifSchema() {
        String configured = System.getProperty("sarif.schema");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "devops-maven-plugin", "sarif-2.1.0-rtm.5.json");
    }

    static Rubric rubric() throws Exception {
        return new RubricLoader(OutputFormatsTest.class.getClassLoader()).loadDefault();
    }

    static Assessment assessment() {
        Finding file = Finding.of("pipeline-defined", "delivery", Severity.HIGH, "no <pipeline> & \u0001 control",
                "pipeline", List.of(Evidence.lines("ci/build file.yml", 3, 5)), "add one");
        Finding logical = Finding.of("truck-factor", "knowledge-silos", Severity.MEDIUM, "tf 2", "mod/",
                List.of(Evidence.note("alice")), "pair").withWaiver(new Waiver("accepted-risk", "@lead", "2030-01-01",
                "devops-waivers.yaml:2"));
        CheckResult pipeline = new CheckResult("pipeline-defined", "delivery", CheckStatus.FAIL, 0, 2, "none",
                List.of(file), Map.of());
        CheckResult tf = new CheckResult("truck-factor", "knowledge-silos", CheckStatus.WARN, 0.5, 3, "tf 2",
                List.of(logical), Map.of());
        CheckResult single = new CheckResult("single-author-directories", "knowledge-silos",
                CheckStatus.NOT_ASSESSED, 0, 2, "no history", List.of(), Map.of());
        return new Assessment(1, "t", new Assessment.Subject("repo", "", "0123456789abcdef0123456789abcdef01234567",
                "main", false, "2026-01-01T00:00:00Z"), 40, "managed",
                List.of(new AreaScore("knowledge-silos", "Knowledge silos", "x", 2, true, 50, "managed",
                        List.of(tf, single)), new AreaScore("delivery", "Delivery", "y", 2, true, 0, "initial",
                        List.of(pipeline))), List.of(file, logical), List.of(), Map.of());
    }

    @Test
    void sarifHasRulesLocationsFingerprintsAndSuppressions() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(SarifWriter.toJson(assessment(), rubric(), "1.0"));
        assertThat(sarif.at("/version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.at("/runs/0");
        assertThat(run.at("/tool/driver/rules")).hasSize((int) rubric().checks().values().stream()
                .filter(io.github.devopsassess.rubric.CheckDef::enabled).count());
        JsonNode first = run.at("/results/0");
        assertThat(first.at("/level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("ci/build%20file.yml");
        assertThat(first.at("/locations/0/physicalLocation/region/endLine").asInt()).isEqualTo(5);
        assertThat(first.at("/partialFingerprints/devopsFingerprint~1v1").asText())
                .isEqualTo(assessment().findings().get(0).fingerprint());
        JsonNode second = run.at("/results/1");
        assertThat(second.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("mod/");
        // a finding without a file still has a physical location with a region, as GitHub code scanning requires
        assertThat(second.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(".");
        assertThat(second.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(run.at("/versionControlProvenance/0/mappedTo/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(second.at("/suppressions/0/justification").asText()).contains("@lead");
        String ruleId = first.at("/ruleId").asText();
        assertThat(run.at("/tool/driver/rules/" + first.at("/ruleIndex").asInt() + "/id").asText()).isEqualTo(ruleId);
    }

    @Test
    void everySarifResultHasAPhysicalLocationWithARegion() throws Exception {
        Finding wholeFile = Finding.of("codeowners", "access-control", Severity.LOW, "whole file", "CODEOWNERS",
                List.of(Evidence.file(".github/CODEOWNERS")), "fix");
        Assessment base = assessment();
        Assessment a = new Assessment(1, "t", new Assessment.Subject("repo", "svc", null, null, true, null), 40,
                "managed", base.areas(), List.of(base.findings().get(0), base.findings().get(1), wholeFile),
                List.of(), Map.of());
        JsonNode results = new ObjectMapper().readTree(SarifWriter.toJson(a, rubric(), "1.0", "pom.xml"))
                .at("/runs/0/results");
        assertThat(results).hasSize(3);
        for (JsonNode r : results) {
            for (JsonNode location : r.at("/locations")) {
                assertThat(location.at("/physicalLocation/region/startLine").asInt()).as(r.toString()).isPositive();
            }
        }
        assertThat(results.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .as("a missing thing points at the assessed folder's build file").isEqualTo("svc/pom.xml");
        assertThat(results.get(2).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws Exception {
        Path schema = sarifSchema();
        Assumptions.assumeTrue(Files.isRegularFile(schema), "SARIF schema not installed at " + schema
                + " (bash .ci/run installs it from the npm package @microsoft/jest-sarif)");
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(schema, StandardCharsets.UTF_8));
        JsonNode sarif = new ObjectMapper().readTree(SarifWriter.toJson(assessment(), rubric(), "1.0"));
        assertThat(validator.validate(sarif)).isEmpty();
        JsonNode broken = new ObjectMapper().readTree(SarifWriter.toJson(assessment(), rubric(), "1.0")
                .replace("\"level\" : \"error\"", "\"level\" : \"fatal\""));
        assertThat(validator.validate(broken)).as("the schema check can fail").isNotEmpty();
    }

    @Test
    void junitXmlHasOneCasePerCheckWithFailuresForNewFindingsAndSkipsForNotAssessed() throws Exception {
        Baseline empty = new Baseline(1, 40, Map.of(), List.of());
        String xml = JunitWriter.toXml(assessment(), Optional.of(empty), new GateSettings(0, Severity.HIGH));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failing = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("pipeline-defined")) {
                failing = c;
            }
        }
        assertThat(failing).isNotNull();
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("no <pipeline> & ? control");
        assertThat(failure.getTextContent()).contains("at ci/build file.yml:3-5");
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void markdownSummaryEscapesRepositoryText() {
        String md = Summary.markdown(assessment(), Optional.empty());
        assertThat(md).contains("no \\<pipeline\\> \\& ").doesNotContain("<pipeline>");
        assertThat(md).contains("| Knowledge silos | 50 | managed |");
    }
}
