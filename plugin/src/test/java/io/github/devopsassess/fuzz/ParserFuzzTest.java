package io.github.devopsassess.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.scan.Scanners;
import io.github.devopsassess.scan.ownership.CodeownersParser;
import io.github.devopsassess.source.RepoTree;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of every parser entry point: whatever the text, the parser returns a model or records a
 * parse problem; it never throws, never overflows the stack and never hangs (each try has a hard time limit).
 * Inputs mix random characters with fragments of each format so that tries reach deep into the parsers.
 *
 * <p>The normal build runs 200 tries per property with a fixed seed; a longer run with other inputs:
 * {@code mvn -o -pl plugin -am test -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DargLine="-Ddevops.fuzz.tries=100000 -Ddevops.fuzz.seed=42"}.
 */
class ParserFuzzTest {

    private static final Duration PER_TRY = Duration.ofSeconds(20);
    /** Fixed so that a failure is reproducible; -Ddevops.fuzz.seed=… explores other inputs. */
    private static final long SEED = Long.getLong("devops.fuzz.seed", 20261126L);
    private static final int TRIES = Integer.getInteger("devops.fuzz.tries", 200);

    private static final String[] WHITESPACE = {"\n", "\n  ", "\n    ", " ", "\t", "\r\n", "\u0000", "\uFEFF",
        "\uD800"};
    private static final String[] YAML = {"a: ", "- ", "&x ", "*x", "<<: *x", "{", "}", "[", "]", ", ", "? ", "|\n",
        ">-\n", "!!str ", "!!binary ", "---\n", "...\n", "\"", "'", "# c", "%YAML 1.2\n", "on:", "jobs:", "steps:",
        "environment:", "uses: a/b@v1", "people:", "rotations:", "members: [", "services:"};
    private static final String[] CODEOWNERS = {"* @org/team", "/src/ ", "@user ", "a@b.c ", "[Section]",
        "^[Optional][2] @x", "# c", "\\ ", "**/", "!", "docs/*.md ", "@@developer", "[", "]"};
    private static final String[] JENKINSFILE = {"pipeline {", "agent {", "docker { image 'x' }", "any", "stages {",
        "stage('s') {", "steps {", "sh '''", "'''", "sh \"x\"", "input message: 'ok'", "when {", "post {", "}", "{",
        "'", "\"", "//", "/*", "*/", "@Library('x') _", "node {", "parallel {", "script {", "\\"};
    private static final String[] MARKDOWN = {"---\n", "incident-date: 2024-01-01\n", "# T", "## Root Causes",
        "## Action Items", "## Timeline", "| a | b |", "| --- | --- |", "- [ ] ", "- [x] ", "* ", "> ", "```", "<!--",
        "-->", "**", "_", "[l](u)", "Human error", "09:00 ", "2024-01-01 ", "Owner: ", "|", "\\|"};
    private static final String[] HCL = {"resource \"pagerduty_schedule\" \"s\" {", "layer {", "users = [", "]", "}",
        "{", "name = \"x\"", "start = \"2024-01-01T00:00:00Z\"", "rotation_turn_length_seconds = 86400",
        "for_each = {", "each.key", "${", "<<EOF\n", "EOF\n", "#", "//", "/*", "*/", "\"", "= ", "[0]",
        "resource \"opsgenie_schedule_rotation\" \"r\" {", "dynamic \"x\" {", "content {"};

    /**
     * Random text that mixes fragments of a format with whitespace and arbitrary characters (including unpaired
     * surrogates and NULs), so that tries reach deep into the parser rather than failing on the first character.
     */
    private static String mixed(Random random, String[] fragments) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(81);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(3)) {
                case 0 -> sb.append(fragments[random.nextInt(fragments.length)]);
                case 1 -> sb.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
                default -> {
                    int n = random.nextInt(41);
                    for (int j = 0; j < n; j++) {
                        sb.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000)));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Runs {@code property} on {@link #TRIES} generated inputs; a failure names the seed and try to replay it. */
    private static void forAll(String name, java.util.function.Consumer<Random> property) {
        Random seeds = new Random(SEED ^ name.hashCode());
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            try {
                property.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + " failed on try " + i + " (input seed " + seed + ")", e);
            }
        }
    }

    @Test
    void yamlReaderReturnsDocumentsOrAProblem() {
        forAll("yaml", r -> {
            String text = mixed(r, YAML);
            YamlReader.Result result = assertTimeoutPreemptively(PER_TRY, () -> new YamlReader().read("f.yml", text));
            assertThat(result).isNotNull();
        });
    }

    @Test
    void codeownersParserReturnsAFile() {
        forAll("codeowners", r -> {
            String text = mixed(r, CODEOWNERS);
            assertThat(assertTimeoutPreemptively(PER_TRY,
                    () -> new CodeownersParser().parse(".github/CODEOWNERS", "", text, false))).isNotNull();
            assertThat(assertTimeoutPreemptively(PER_TRY,
                    () -> new CodeownersParser().parse("CODEOWNERS", "", text, true))).isNotNull();
        });
    }

    @Test
    void pipelineScannerSurvivesAnyJenkinsfile() {
        forAll("jenkinsfile", r -> scan("pipeline", Map.of("Jenkinsfile", mixed(r, JENKINSFILE))));
    }

    @Test
    void pipelineScannerSurvivesAnyWorkflow() {
        forAll("workflow", r -> {
            String text = mixed(r, YAML);
            scan("pipeline", Map.of(".github/workflows/ci.yml", text, ".gitlab-ci.yml", text));
        });
    }

    @Test
    void postmortemScannerSurvivesAnyMarkdown() {
        forAll("markdown", r -> scan("postmortem", Map.of("postmortems/2024-01-01-outage.md", mixed(r, MARKDOWN))));
    }

    @Test
    void onCallScannerSurvivesAnyTerraformOrYaml() {
        forAll("oncall", r -> scan("oncall", Map.of("infra/pagerduty.tf", mixed(r, HCL), "oncall.yaml",
                mixed(r, YAML))));
    }

    @Test
    void ownershipAndAccessScannersSurviveAnything() {
        forAll("ownership", r -> {
            String yaml = mixed(r, YAML);
            Map<String, String> files = Map.of(".github/CODEOWNERS", mixed(r, CODEOWNERS), ".github/settings.yml",
                    yaml, "catalog-info.yaml", yaml, "infra/github.tf", "github_" + mixed(r, HCL));
            scan("ownership", files);
            scan("access", files);
        });
    }

    @Test
    void environmentScannerSurvivesAnything() {
        forAll("environment", r -> {
            String yaml = mixed(r, YAML);
            scan("environment", Map.of("src/main/resources/application-prod.yml", yaml,
                    "src/main/resources/application-dev.yml", "a: 1\n", "docker-compose.prod.yml", yaml, ".env", yaml,
                    "prod.tfvars", yaml, "devcontainer.json", yaml));
        });
    }

    /** Runs one scanner over in-memory files: it must record facts or problems, never throw. */
    private static void scan(String scannerId, Map<String, String> files) {
        Scanner scanner = Scanners.all().stream().filter(s -> s.id().equals(scannerId)).findFirst().orElseThrow();
        ScanContext context = new ScanContext(new MemoryTree(files), null, "fuzzing", ScanOptions.defaults(),
                s -> { });
        Facts.Builder facts = Facts.builder();
        assertTimeoutPreemptively(PER_TRY, () -> scanner.scan(context, facts));
        assertThat(facts.build()).isNotNull();
    }

    /** Files held in memory. */
    private record MemoryTree(Map<String, String> content) implements RepoTree {

        MemoryTree {
            content = new TreeMap<>(content);
        }

        @Override
        public String subtree() {
            return "";
        }

        @Override
        public List<String> files() {
            return List.copyOf(content.keySet());
        }

        @Override
        public List<String> filesUnder(String folder) {
            return content.keySet().stream().filter(p -> folder.isEmpty() || p.startsWith(folder + "/")).toList();
        }

        @Override
        public boolean isFile(String path) {
            return content.containsKey(path);
        }

        @Override
        public TextRead readText(String path) {
            String text = content.get(path);
            return text == null ? TextRead.skip("missing") : TextRead.of(text);
        }

        @Override
        public BytesRead readBytes(String path) {
            String text = content.get(path);
            return text == null ? BytesRead.skip("missing") : BytesRead.of(text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "memory";
        }
    }
}
