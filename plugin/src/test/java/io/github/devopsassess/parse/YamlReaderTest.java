package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void keepsLinesAndAppliesMergeKeys() {
        YamlReader.Result r = reader.read("ci.yml", """
                .defaults: &defaults
                  image: maven:3
                  retry: 2
                build:
                  <<: *defaults
                  retry: 0
                  script: [mvn verify]
                """);
        assertThat(r.problem()).isEmpty();
        YamlNode.Mapping build = r.first().flatMap(YamlNode::asMapping).orElseThrow().mapping("build").orElseThrow();
        assertThat(build.string("image")).contains("maven:3");
        assertThat(build.string("retry")).contains("0");
        assertThat(build.lineOf("script")).isEqualTo(7);
        assertThat(build.line()).isEqualTo(5);
    }

    @Test
    void malformedYamlIsAProblemWithALine() {
        YamlReader.Result r = reader.read("bad.yml", "a: 1\nb: [1, 2\nc: 3\n");
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.path()).isEqualTo("bad.yml");
            assertThat(p.line()).isNotNull().isBetween(2, 4);
            assertThat(p.message()).startsWith("malformed YAML");
        });
    }

    @Test
    void aliasBombIsRefusedNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        YamlReader.Result r = reader.read("bomb.yml", bomb.toString());
        assertThat(r.problem()).get().satisfies(p -> assertThat(p.message()).contains("file skipped"));
    }

    @Test
    void customTagsAndDuplicateKeysAreKeptAndReported() {
        YamlReader.Result r = reader.read("g.yml", "job:\n  script: !reference [.setup, script]\n  a: 1\n  a: 2\n");
        YamlNode.Mapping job = r.first().flatMap(YamlNode::asMapping).orElseThrow().mapping("job").orElseThrow();
        assertThat(job.get("script")).get().extracting(YamlNode::tag).isEqualTo("!reference");
        assertThat(job.string("a")).contains("2");
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("duplicate key 'a'");
        });
    }

    @Test
    void readsJsonWithLines() {
        YamlReader.Result r = reader.read("s.json", "{\n  \"schedule\": {\n    \"id\": \"P1\"\n  }\n}\n");
        YamlNode.Mapping schedule = r.first().flatMap(YamlNode::asMapping).orElseThrow().mapping("schedule")
                .orElseThrow();
        assertThat(schedule.lineOf("id")).isEqualTo(3);
        assertThat(Map.of("id", schedule.string("id").orElseThrow())).containsEntry("id", "P1");
    }
}
