package io.github.devopsassess.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.devopsassess.model.Facts;
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
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of every parser entry point: whatever the text, the parser returns a model or records a
 * parse problem; it never throws, never overflows the stack and never hangs (each try has a hard time limit).
 * Inputs mix random characters with fragments of each format so that tries reach deep into the parsers.
 *
 * <p>The normal build runs 200 tries per property with a fixed seed ({@code junit-platform.properties}); a longer
 * run: {@code mvn -o -pl plugin test -Dtest=ParserFuzzTest -Djqwik.tries.default=100000 -Djqwik.seed=}.
 */
class ParserFuzzTest {

    private static final Duration PER_TRY = Duration.ofSeconds(20);

    private static Arbitrary<String> mixed(String... fragments) {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(fragments), noise,
                Arbitraries.of("\n", "\n  ", "\n    ", " ", "\t", "\r\n", "\u0000", "\uFEFF", "\uD800"));
        return pieces.list().ofMaxSize(80).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> yaml() {
        return mixed("a: ", "- ", "&x ", "*x", "<<: *x", "{", "}", "[", "]", ", ", "? ", "|\n", ">-\n", "!!str ",
                "!!binary ", "---\n", "...\n", "\"", "'", "# c", "%YAML 1.2\n", "on:", "jobs:", "steps:",
                "environment:", "uses: a/b@v1", "people:", "rotations:", "members: [", "services:");
    }

    @Provide
    Arbitrary<String> codeowners() {
        return mixed("* @org/team", "/src/ ", "@user ", "a@b.c ", "[Section]", "^[Optional][2] @x", "# c", "\\ ",
                "**/", "!", "docs/*.md ", "@@developer", "[", "]");
    }

    @Provide
    Arbitrary<String> jenkinsfile() {
        return mixed("pipeline {", "agent {", "docker { image 'x' }", "any", "stages {", "stage('s') {",
                "steps {", "sh '''", "'''", "sh \"x\"", "input message: 'ok'", "when {", "post {", "}", "{", "'",
                "\"", "//", "/*", "*/", "@Library('x') _", "node {", "parallel {", "script {", "\\");
    }

    @Provide
    Arbitrary<String> markdown() {
        return mixed("---\n", "incident-date: 2024-01-01\n", "# T", "## Root Causes", "## Action Items",
                "## Timeline", "| a | b |", "| --- | --- |", "- [ ] ", "- [x] ", "* ", "> ", "```", "<!--", "-->",
                "**", "_", "[l](u)", "Human error", "09:00 ", "2024-01-01 ", "Owner: ", "|", "\\|");
    }

    @Provide
    Arbitrary<String> hcl() {
        return mixed("resource \"pagerduty_schedule\" \"s\" {", "layer {", "users = [", "]", "}", "{",
                "name = \"x\"", "start = \"2024-01-01T00:00:00Z\"", "rotation_turn_length_seconds = 86400",
                "for_each = {", "each.key", "${", "<<EOF\n", "EOF\n", "#", "//", "/*", "*/", "\"", "= ", "[0]",
                "resource \"opsgenie_schedule_rotation\" \"r\" {", "dynamic \"x\" {", "content {");
    }

    @Property(seed = "20261126")
    void yamlReaderReturnsDocumentsOrAProblem(@ForAll("yaml") String text) {
        YamlReader.Result r = assertTimeoutPreemptively(PER_TRY, () -> new YamlReader().read("f.yml", text));
        assertThat(r).isNotNull();
    }

    @Property(seed = "20261126")
    void codeownersParserReturnsAFile(@ForAll("codeowners") String text) {
        assertThat(assertTimeoutPreemptively(PER_TRY,
                () -> new CodeownersParser().parse(".github/CODEOWNERS", "", text, false))).isNotNull();
        assertThat(assertTimeoutPreemptively(PER_TRY,
                () -> new CodeownersParser().parse("CODEOWNERS", "", text, true))).isNotNull();
    }

    @Property(seed = "20261126")
    void pipelineScannerSurvivesAnyJenkinsfile(@ForAll("jenkinsfile") String text) {
        scan("pipeline", Map.of("Jenkinsfile", text));
    }

    @Property(seed = "20261126")
    void pipelineScannerSurvivesAnyWorkflow(@ForAll("yaml") String text) {
        scan("pipeline", Map.of(".github/workflows/ci.yml", text, ".gitlab-ci.yml", text));
    }

    @Property(seed = "20261126")
    void postmortemScannerSurvivesAnyMarkdown(@ForAll("markdown") String text) {
        scan("postmortem", Map.of("postmortems/2024-01-01-outage.md", text));
    }

    @Property(seed = "20261126")
    void onCallScannerSurvivesAnyTerraformOrYaml(@ForAll("hcl") String hcl, @ForAll("yaml") String yaml) {
        scan("oncall", Map.of("infra/pagerduty.tf", hcl, "oncall.yaml", yaml));
    }

    @Property(seed = "20261126")
    void ownershipAndAccessScannersSurviveAnything(@ForAll("codeowners") String owners, @ForAll("yaml") String yaml,
            @ForAll("hcl") String hcl) {
        Map<String, String> files = Map.of(".github/CODEOWNERS", owners, ".github/settings.yml", yaml,
                "catalog-info.yaml", yaml, "infra/github.tf", "github_" + hcl);
        scan("ownership", files);
        scan("access", files);
    }

    @Property(seed = "20261126")
    void environmentScannerSurvivesAnything(@ForAll("yaml") String yaml) {
        scan("environment", Map.of("src/main/resources/application-prod.yml", yaml,
                "src/main/resources/application-dev.yml", "a: 1\n", "docker-compose.prod.yml", yaml, ".env", yaml,
                "prod.tfvars", yaml, "devcontainer.json", yaml));
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
        public String describe() {
            return "memory";
        }
    }
}
