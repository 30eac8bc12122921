package io.github.devopsassess.hostile;

import static io.github.devopsassess.testing.HostileText.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsassess.engine.AssessmentRequest;
import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.gate.GateSettings;
import io.github.devopsassess.gate.JunitWriter;
import io.github.devopsassess.gate.SarifWriter;
import io.github.devopsassess.gate.Summary;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.AssessmentJson;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.testing.HostileText;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real end-to-end assessment of a repository whose author names, e-mails, commit messages, file paths, workflow job
 * and environment names, CODEOWNERS owners, on-call names and postmortem text are markup payloads, with credentials
 * planted in .env, Spring, workflow, Terraform, on-call and key files. Every output is checked: the site (every page,
 * with Jsoup), assessment.json, SARIF, JUnit XML, the step summary and the log.
 */
class HostileRepositoryTest {

    @TempDir
    static Path dir;

    static Path out;
    static String markdown;
    static final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void assessTheHostileRepository() throws Exception {
        Path repo = HostileRepo.build(dir);
        ScanOptions o = ScanOptions.defaults();
        AssessmentRequest request = new AssessmentRequest(repo, null, null, "hostile", dir.resolve("rubric.yaml"),
                null, new ScanOptions(o.botPatterns(), true, o.lineCounts(), o.maxFileSize()), log::add, log::add);
        Assessor.Outcome outcome = new Assessor().assess(request);
        out = dir.resolve("out");
        GateSettings gate = new GateSettings(0, Severity.HIGH);
        AssessmentJson.write(outcome.assessment(), out.resolve("assessment.json"));
        SarifWriter.write(outcome.assessment(), outcome.rubric(), "1", out.resolve("devops.sarif"));
        JunitWriter.write(outcome.assessment(), Optional.empty(), gate, out.resolve("devops-junit.xml"));
        List<String> broken = new SiteRenderer(Theme.load(null), "gen").render(outcome.assessment(),
                outcome.rubric(), out.resolve("site"));
        assertThat(broken).isEmpty();
        markdown = Summary.markdown(outcome.assessment(), Optional.empty());
        log.addAll(Summary.console(outcome.assessment(), Optional.empty()));
    }

    static List<Path> pages() throws Exception {
        try (Stream<Path> files = Files.walk(out.resolve("site"))) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void noPageRunsIncludesOrLinksRepositoryContent() throws Exception {
        List<Path> pages = pages();
        assertThat(pages).hasSizeGreaterThan(5);
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("script, iframe, object, embed, frame, img, svg script, form, base, meta[http-equiv=refresh]"))
                    .as(page.toString()).isEmpty();
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey().toLowerCase()).as(page + " " + e.tagName()).doesNotStartWith("on");
                    assertThat(a.getValue().toLowerCase().replaceAll("\\s", "")).as(page + " " + a)
                            .doesNotContain("javascript:").doesNotContain("data:text/html");
                }
            }
            // AsciiDoc anchors and cross references written in the repository must stay text.
            assertThat(doc.select("[id=anchor], a[href=#xref]")).as(page.toString())
                    .allSatisfy(e -> assertThat(e.parent().outerHtml()).isEqualTo("no anchor"));
            assertThat(html).as(page.toString()).doesNotContain("root:x:0:0").doesNotContain("/bin/bash");
            String hostname = Files.isReadable(Path.of("/etc/hostname"))
                    ? Files.readString(Path.of("/etc/hostname")).trim() : "";
            if (hostname.length() > 5) {
                assertThat(html).as(page.toString()).doesNotContain(hostname);
            }
        }
    }

    @Test
    void payloadsAreShownLiterally() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path page : pages()) {
            all.append(Jsoup.parse(page.toFile(), "UTF-8").text()).append('\n');
        }
        String text = all.toString();
        for (String name : HostileText.fileNames()) {
            // Each malformed workflow is listed by path among the inputs that could not be read.
            // Control characters (bell, terminal escapes) become spaces; everything else is shown as written.
            assertThat(text).contains(".github/workflows/" + name.replaceAll("[\\p{Cc}\\s]+", " ") + ".yml");
        }
        assertThat(text).contains("<script>alert(1)</script>", "include::/etc/passwd[]", "{docdir} {user-home}",
                "+++<script>alert(4)</script>+++", "link:javascript:alert(6)[click]");
    }

    @Test
    void machineOutputsStayWellFormed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(out.resolve("assessment.json").toFile()).get("findings").size()).isPositive();
        assertThat(json.readTree(out.resolve("devops.sarif").toFile()).get("runs").get(0).get("results").size())
                .isPositive();
        byte[] junit = Files.readAllBytes(out.resolve("devops-junit.xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(junit));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isPositive();
    }

    @Test
    void stepSummaryMarkdownEscapesEveryPayload() {
        // Every character Markdown or HTML could act on is backslash-escaped; a line break cannot open a new block.
        assertThat(markdown).doesNotContainPattern("(?<!\\\\)<(script|img|iframe|b )");
        assertThat(markdown).doesNotContainPattern("(?<!\\\\)\\]\\(javascript");
        for (String line : markdown.split("\n")) {
            assertThat(line).doesNotStartWith("include::");
        }
    }

    @Test
    void credentialsNeverReachAnyOutputOrTheLog() throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(markdown).doesNotContain(SECRET);
        synchronized (log) {
            assertThat(log).noneMatch(line -> line.contains(SECRET));
        }
    }

    @Test
    void credentialKeysAreStillReportedWithTheirLocation() throws Exception {
        String json = Files.readString(out.resolve("assessment.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("src/main/resources/application-prod.yml");
        assertThat(json).contains("password");
    }
}
