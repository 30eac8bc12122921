package io.github.devopsassess.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.scan.ScanOptions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files meant to exhaust memory or time, placed where every scanner looks: each is skipped with a parse problem that
 * names the limit, and the assessment completes. The timeouts only guard against a hang; they assert no speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResourceExhaustionTest {

    /** One file name per scanner that reads YAML, and the scanner it belongs to. */
    static final Map<String, String> YAML_INPUTS = new TreeMap<>(Map.of(
            ".github/workflows/ci.yml", "pipeline",
            ".gitlab-ci.yml", "pipeline",
            ".github/settings.yml", "ownership (repository settings)",
            "catalog-info.yaml", "ownership (catalog)",
            "oncall.yaml", "oncall",
            "src/main/resources/application-prod.yml", "environment",
            "docker-compose.prod.yml", "environment",
            "k8s/deployment.yaml", "custom yaml-path"));

    /** Inputs read as text by scanners that are not YAML. */
    static final List<String> TEXT_INPUTS = List.of(".github/CODEOWNERS", "Jenkinsfile", "infra/pagerduty.tf",
            "postmortems/2024-01-01-outage.md", "prod.tfvars", ".env");

    static Assessment assess(Path dir, long maxFileSize) throws Exception {
        ScanOptions o = ScanOptions.defaults();
        Path rubric = dir.resolveSibling(dir.getFileName() + "-rubric.yaml");
        Files.writeString(rubric, """
                version: 1
                extends: default
                checks:
                  two-replicas:
                    area: environment-parity
                    title: Two replicas
                    severity: high
                    type: yaml-path
                    files: "k8s/*.yaml"
                    require: spec.replicas >= 2
                    remediation: Run two.
                """);
        return new Assessor().assess(new AssessmentRequest(dir, null, null, "t", rubric, null,
                new ScanOptions(o.botPatterns(), false, o.lineCounts(), maxFileSize), s -> { }, s -> { }))
                .assessment();
    }

    static Map<String, String> problemsByPath(Assessment a) {
        return a.problems().stream().filter(p -> p.path() != null)
                .collect(Collectors.toMap(ParseProblem::path, ParseProblem::message, (x, y) -> x + " | " + y,
                        TreeMap::new));
    }

    static void sparse(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size); // a hole: no disk space, no time, but every byte is there for a reader
        }
    }

    @Test
    void a200MegabyteFileIsSkippedByEveryScannerNamingTheLimit(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        for (String path : YAML_INPUTS.keySet()) {
            sparse(repo.resolve(path), 200L * 1024 * 1024);
        }
        for (String path : TEXT_INPUTS) {
            sparse(repo.resolve(path), 200L * 1024 * 1024);
        }
        Map<String, String> problems = problemsByPath(assess(repo, ScanOptions.defaults().maxFileSize()));
        for (String path : YAML_INPUTS.keySet()) {
            assertThat(problems.get(path)).as(YAML_INPUTS.get(path) + ": " + path)
                    .contains("too large: 200 MB over the 8 MB limit (devops.maxFileSize)");
        }
        for (String path : TEXT_INPUTS) {
            assertThat(problems.get(path)).as(path).contains("devops.maxFileSize");
        }
    }

    @Test
    void oneFiftyMegabyteLineIsSkippedUnderTheDefaultLimitAndByTheYamlLimitWhenRaised(@TempDir Path dir)
            throws Exception {
        Path repo = dir.resolve("repo");
        for (String path : List.of(".github/workflows/ci.yml", "oncall.yaml", "k8s/deployment.yaml")) {
            Files.createDirectories(repo.resolve(path).getParent());
            try (BufferedWriter w = Files.newBufferedWriter(repo.resolve(path), StandardCharsets.UTF_8)) {
                w.write("name: ");
                char[] chunk = "x".repeat(1024 * 1024).toCharArray();
                for (int i = 0; i < 50; i++) {
                    w.write(chunk);
                }
            }
        }
        assertThat(problemsByPath(assess(repo, ScanOptions.defaults().maxFileSize())))
                .allSatisfy((path, message) -> assertThat(message).contains("devops.maxFileSize"))
                .containsKeys(".github/workflows/ci.yml", "oncall.yaml", "k8s/deployment.yaml");
        Map<String, String> raised = problemsByPath(assess(repo, 64L * 1024 * 1024));
        for (String path : List.of(".github/workflows/ci.yml", "oncall.yaml", "k8s/deployment.yaml")) {
            assertThat(raised.get(path)).as(path).contains("file skipped");
        }
    }

    @Test
    void aliasBombsAreRefusedByEveryYamlReadingScanner(@TempDir Path dir) throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            String prev = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        Path repo = dir.resolve("repo");
        for (String path : YAML_INPUTS.keySet()) {
            Files.createDirectories(repo.resolve(path).getParent());
            Files.writeString(repo.resolve(path), bomb.toString());
        }
        Map<String, String> problems = problemsByPath(assess(repo, ScanOptions.defaults().maxFileSize()));
        for (String path : YAML_INPUTS.keySet()) {
            assertThat(problems.get(path)).as(YAML_INPUTS.get(path) + ": " + path).containsAnyOf("alias",
                    "aliases", "too large");
        }
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        String flow = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            block.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        for (String path : YAML_INPUTS.keySet()) {
            Files.createDirectories(repo.resolve(path).getParent());
            Files.writeString(repo.resolve(path), path.contains("o") ? flow : block.toString());
        }
        Files.writeString(repo.resolve("infra.tf"), "resource \"pagerduty_schedule\" \"x\" {\n"
                + "a = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n}\n");
        Files.createDirectories(repo.resolve("postmortems"));
        Files.writeString(repo.resolve("postmortems/2024-01-01-deep.md"), "# Deep\n\n" + "> ".repeat(50_000)
                + "x\n\n" + "- ".repeat(20_000) + "y\n");
        Files.writeString(repo.resolve("Jenkinsfile"), "pipeline {\n" + "stage('x') {\n".repeat(20_000) + "\n");
        Assessment a = assess(repo, ScanOptions.defaults().maxFileSize());
        Map<String, String> problems = problemsByPath(a);
        for (String path : YAML_INPUTS.keySet()) {
            assertThat(problems.get(path)).as(path).contains("file skipped");
        }
        assertThat(a.problems()).noneMatch(p -> p.message().contains("scanner failed"));
    }

    @Test
    void aBinaryNamedYamlIsSkippedAsBinary(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        for (String path : YAML_INPUTS.keySet()) {
            Files.createDirectories(repo.resolve(path).getParent());
            Files.write(repo.resolve(path), binary);
        }
        Map<String, String> problems = problemsByPath(assess(repo, ScanOptions.defaults().maxFileSize()));
        for (String path : YAML_INPUTS.keySet()) {
            assertThat(problems.get(path)).as(path).contains("binary");
        }
    }

    @Test
    void manyFilesAndVeryLongPathsAreAssessed(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        // 20,000 empty files in 20 folders. 100,000 also pass (about 20 s here, most of it creating the files), which
        // is too slow for every build: -Ddevops.hostile.files=100000 runs that.
        int folders = Integer.getInteger("devops.hostile.files", 20_000) / 1000;
        for (int d = 0; d < folders; d++) {
            Path folder = Files.createDirectories(repo.resolve("src/d" + d));
            for (int f = 0; f < 1000; f++) {
                Files.createFile(folder.resolve("f" + f + ".txt"));
            }
        }
        // A path near the file system's limit (PATH_MAX 4096 on Linux, 255 per name).
        Path deep = repo;
        for (int i = 0; i < 14; i++) {
            deep = deep.resolve("d".repeat(250));
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("oncall.yaml"), "a: b\n");
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/" + "w".repeat(240) + ".yml"), "on: push\njobs:\n"
                + "  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn verify\n");
        Assessment a = assess(repo, ScanOptions.defaults().maxFileSize());
        assertThat(a.problems()).noneMatch(p -> p.message().contains("scanner failed"));
        assertThat(a.areas()).anyMatch(area -> area.assessed());
    }
}
