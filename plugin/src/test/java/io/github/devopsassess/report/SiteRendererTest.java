package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.NextLevel;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRendererTest {

    /** Text a hostile repository could put into names, paths and messages. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "+++<script>alert(3)</script>+++",
            "pass:[<script>alert(4)</script>]",
            "include::/etc/passwd[]",
            "{docdir} {user-home}",
            "link:javascript:alert(5)[click]",
            "| cell | break",
            "[[anchor]]<<xref>>",
            "line1\ninclude::/etc/hostname[]");

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(SiteRendererTest.class.getClassLoader())
                .loadDefault();
    }

    static Assessment hostile() {
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        for (String p : PAYLOADS) {
            findings.add(Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "message " + p, "s" + i++,
                    List.of(new Evidence("dir/" + p, 3, 4, "0123456789abcdef0123456789abcdef01234567", "note " + p)),
                    "remediation " + p));
        }
        List<AreaScore> areas = new ArrayList<>();
        for (AreaDef a : rubric.areas().values()) {
            boolean silos = a.id().equals("knowledge-silos");
            CheckResult r = new CheckResult("truck-factor", a.id(), silos ? CheckStatus.FAIL : CheckStatus.NOT_ASSESSED,
                    0, 3, "summary " + PAYLOADS.get(0), silos ? findings : List.of(), Map.of());
            areas.add(new AreaScore(a.id(), a.title(), a.antiPattern(), a.weight(), silos, silos ? 12 : null,
                    silos ? "initial" : null, silos ? List.of(r) : List.of()));
        }
        return new Assessment(1, "t", new Assessment.Subject("name " + PAYLOADS.get(1), "sub", null, "main", true,
                "2026-01-01T00:00:00Z"), 12, "initial", areas, findings,
                List.of(new ParseProblem("bad " + PAYLOADS.get(2), 3, "problem " + PAYLOADS.get(3))), Map.of(),
                new NextLevel("managed", "Managed", 40, false, PAYLOADS.stream().map(p -> new NextLevel.Blocker(
                        "pipeline-defined", "blocker " + p, "managed", CheckStatus.FAIL)).toList()));
    }

    private static Path render(Path dir) throws Exception {
        Path site = dir.resolve("site");
        List<String> problems = new SiteRenderer(Theme.load(null), "gen").render(hostile(), rubric, site);
        assertThat(problems).isEmpty();
        return site;
    }

    @Test
    void indexShowsScoreLevelNineAreasAndTopFindings(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("span.score").first().text()).isEqualTo("12");
        assertThat(index.select("span.level").first().text()).isEqualTo("Initial");
        assertThat(index.select("table:has(caption:contains(the data of the chart)) tbody tr")).hasSize(9)
                .filteredOn(tr -> tr.text().contains("Not assessed")).hasSize(8);
        assertThat(index.select("nav.devops-nav a")).hasSize(12); // overview, trend, nine areas, checks
        assertThat(index.select("footer.devops-footer").text()).contains("no network access");
        assertThat(index.select("link[rel=stylesheet]").attr("href")).isEqualTo("css/devops.css");
        assertThat(site.resolve("css/devops.css")).exists();
    }

    @Test
    void indexSaysWhichRequiredChecksBlockTheNextLevel(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        String next = index.select(".next-level").text();
        assertThat(next).startsWith("Next level: Managed needs a score of 40 and these required checks to pass");
        assertThat(index.select(".next-level + .ulist li")).hasSize(PAYLOADS.size()).first().satisfies(li ->
                assertThat(li.text()).isEqualTo("blocker <script>alert(1)</script> pipeline-defined — fail,"
                        + " required from Managed"));
    }

    @Test
    void areaPageListsFindingsWithEvidenceRemediationAndAnchors(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        Document area = Jsoup.parse(site.resolve("areas/knowledge-silos.html").toFile(), "UTF-8");
        assertThat(area.select(".finding")).hasSize(PAYLOADS.size());
        Finding first = hostile().findings().get(0);
        assertThat(area.getElementById("finding-" + first.fingerprint())).isNotNull();
        assertThat(area.select(".evidence code").first().text()).isEqualTo("dir/<script>alert(1)</script>:3-4");
        assertThat(area.select(".remediation").first().text()).contains("remediation <script>alert(1)</script>");
        assertThat(area.select("link[rel=stylesheet]").attr("href")).isEqualTo("../css/devops.css");
    }

    @Test
    void repositoryTextIsShownLiterallyAndNeverExecutedOrIncluded(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        for (String page : List.of("index.html", "areas/knowledge-silos.html")) {
            String html = Files.readString(site.resolve(page), StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("script, iframe, img, object")).as(page).isEmpty();
            assertThat(doc.select("[onerror], [onload], [onclick]")).as(page).isEmpty();
            assertThat(doc.select("a[href^=javascript]")).as(page).isEmpty();
            assertThat(html).as(page).doesNotContain("root:x:0:0");
            assertThat(html).doesNotContainPattern("(?i)https?://");
        }
        String text = Jsoup.parse(site.resolve("areas/knowledge-silos.html").toFile(), "UTF-8").text();
        for (String p : PAYLOADS) {
            assertThat(text).contains("message " + p.replace('\n', ' '));
        }
    }

    @Test
    void verifierFindsBrokenLinksAndExternalReferences(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<html><body><a href=\"areas/missing.html\">x</a>"
                + "<a href=\"#nowhere\">y</a><link rel=stylesheet href=\"https://cdn.example/x.css\">"
                + "<a href=\"javascript:alert(1)\">z</a></body></html>");
        assertThat(new SiteVerifier(dir).verify()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("broken link areas/missing.html"))
                .anySatisfy(p -> assertThat(p).contains("broken anchor #nowhere"))
                .anySatisfy(p -> assertThat(p).contains("external reference"))
                .anySatisfy(p -> assertThat(p).contains("forbidden URL scheme"));
    }

    @Test
    void verifierFindsAnExcerptLineWithAnUnmaskedSecret(@TempDir Path dir) throws Exception {
        String line = "<span class=\"line hit\"><span class=\"ln\">▶    4</span> %s</span>";
        Files.writeString(dir.resolve("index.html"), "<html><body><pre class=\"excerpt\"><code>"
                + String.format(line, "spring.datasource.password=hunter2")
                + String.format(line, "spring.datasource.password=" + io.github.devopsassess.mask.SecretMask.MASK)
                + String.format(line, "password: ${DB_PASSWORD}") + "</code></pre></body></html>");
        assertThat(new SiteVerifier(dir).verify()).containsExactly(
                "index.html: the excerpt line 4 shows a secret value unmasked");
    }
}
