package io.github.devopsassess.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.BaselineChanges;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page type of a site rendered from a complete input: baseline changes, trend, excerpts and a section. */
class FullSiteTest {

    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(FullSiteTest.class.getClassLoader()).loadDefault();
    }

    static final String HOSTILE_LINE = "++++ <script>alert(1)</script> include::/etc/passwd[] {docdir}";

    /** Two assessed areas, seven not assessed; three findings, one new, one fixed since the baseline. */
    static SiteInput input() {
        Finding truck = Finding.of("truck-factor", "knowledge-silos", Severity.HIGH, "Only 1 person knows most files",
                "truck", List.of(Evidence.file("src/")), "Spread knowledge deliberately. Pair on changes.");
        Finding silo = Finding.of("single-author-directories", "knowledge-silos", Severity.MEDIUM,
                "Only one person changed billing/", "billing", List.of(Evidence.lines("billing/Pay.java", 2, 2)),
                "Make the next changes with a second person.");
        Finding pipeline = Finding.of("pipeline-defined", "delivery", Severity.HIGH, "No CI pipeline", "pipeline",
                List.of(Evidence.line("deploy.sh", 3).withNote("deploys from a laptop")), "Define the pipeline.");
        List<AreaScore> areas = new ArrayList<>();
        for (AreaDef a : rubric.areas().values()) {
            List<CheckResult> checks = new ArrayList<>();
            boolean assessed = a.id().equals("knowledge-silos") || a.id().equals("delivery");
            for (CheckDef c : rubric.enabledChecks(a.id())) {
                List<Finding> fs = List.of(truck, silo, pipeline).stream().filter(f -> f.check().equals(c.id()))
                        .toList();
                CheckStatus status = !assessed ? CheckStatus.NOT_ASSESSED : fs.isEmpty() ? CheckStatus.PASS
                        : CheckStatus.FAIL;
                checks.add(new CheckResult(c.id(), a.id(), status, fs.isEmpty() ? 1 : 0.25, c.weight(),
                        assessed ? "measured " + c.id() : "no data", fs, Map.of()));
            }
            int score = a.id().equals("delivery") ? 25 : 40;
            areas.add(new AreaScore(a.id(), a.title(), a.antiPattern(), a.weight(), assessed,
                    assessed ? score : null, assessed ? "initial" : null, checks));
        }
        Assessment assessment = new Assessment(1, "t", new Assessment.Subject("shop", "", "0123456789abcdef0123",
                "main", false, "2026-03-15T10:00:00Z"), 33, "initial", areas, List.of(truck, pipeline, silo),
                List.of(), Map.of());
        BaselineChanges changes = new BaselineChanges(45, Map.of("knowledge-silos", 30, "delivery", 60),
                List.of(pipeline.fingerprint()), List.of(new BaselineChanges.Fixed("abc", "truck-factor", "high",
                        "An old finding")));
        List<TrendPoint> trend = List.of(
                new TrendPoint("2026-02-28T23:59:59Z", "aaaa", TrendPoint.REASSESSED, 45, "managed",
                        Map.of("knowledge-silos", 30, "delivery", 60)),
                new TrendPoint("2026-01-31T23:59:59Z", "bbbb", TrendPoint.REASSESSED, 50, "managed",
                        Map.of("knowledge-silos", 35)),
                new TrendPoint("2026-01-31T23:59:59Z", "bbbb", TrendPoint.PREVIOUS, 50, "managed",
                        Map.of("knowledge-silos", 35)));
        Map<String, SourceExcerpt> excerpts = Map.of(
                "billing/Pay.java:2-2", new SourceExcerpt("billing/Pay.java", 1, List.of("class Pay {", HOSTILE_LINE,
                        "}"), 2, 2),
                "deploy.sh:3-3", new SourceExcerpt("deploy.sh", 2, List.of("set -e", "scp app.jar prod:/srv"), 3, 3));
        SiteSection section = ctx -> ctx.area().equals("delivery")
                ? List.of(new SiteSection.Section("Pipelines " + HOSTILE_LINE, "[cols=\"1,1\",options=\"header\"]\n"
                        + "|===\n|File |Jobs\n|" + Adoc.code("ci.yml") + " |2\n|===\n"))
                : List.of();
        return SiteInput.of(assessment, rubric).withChanges(changes).withTrend(trend).withExcerpts(excerpts)
                .withSections(List.of(section));
    }

    static Path render(Path dir) throws Exception {
        Path site = dir.resolve("site");
        assertThat(new SiteRenderer(Theme.load(null), "gen").render(input(), site)).isEmpty();
        return site;
    }

    static Document page(Path site, String name) throws Exception {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    @Test
    void indexHasRadarWithTitleDescAndTableChangesRisksAndCoverage(@TempDir Path dir) throws Exception {
        Document index = page(render(dir), "index.html");
        Element svg = index.selectFirst("figure.chart-radar svg");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title").text()).isEqualTo("Area scores");
        assertThat(svg.selectFirst("desc").text()).contains("Knowledge silos 40").contains("not assessed")
                .doesNotContain("dashed"); // two baseline areas cannot make an outline
        assertThat(svg.select("polygon.series-baseline")).isEmpty();
        assertThat(svg.select("polygon.series-current")).isEmpty(); // two assessed areas make no polygon either
        assertThat(svg.select("circle.dot")).hasSize(2);
        assertThat(index.select("table caption").eachText()).anyMatch(t -> t.contains("the data of the chart"));

        String changes = section(index, "What changed since the baseline").text();
        assertThat(changes).contains("Areas that got worse").contains("Delivery (DORA) 60 → 25")
                .contains("Areas that got better").contains("Knowledge silos 30 → 40")
                .contains("1 new finding").contains("No CI pipeline").contains("1 fixed finding")
                .contains("An old finding");
        assertThat(index.select(".score-summary").text()).contains("-12 since the baseline");

        Element risks = section(index, "Top risks: what to do next").selectFirst("table");
        List<String> rows = risks.select("tbody tr").eachText();
        // HIGH × knowledge-silos weight 2 and HIGH × delivery weight 2 tie; the medium silo comes last
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).contains("MEDIUM").contains("Single-author folders");
        assertThat(rows.get(0)).contains("Next: ");
        assertThat(risks.select("a[href^=checks/]")).hasSize(3);

        String coverage = section(index, "Assessment coverage").text();
        assertThat(coverage).contains("2 of 9 areas had data");
        assertThat(index.select(".subject").text()).contains("commit 0123456789ab").contains("branch main")
                .contains("2026-03-15");
    }

    @Test
    void indexShowsTheScoreAndThenTheTopRisksBeforeTheLadderAndTheAreas(@TempDir Path dir) throws Exception {
        Document index = page(render(dir), "index.html");
        // a leader on a desktop screen sees the worst findings without scrolling (the browser profile measures it)
        assertThat(index.select("#content h2").eachText()).containsSubsequence("Maturity level",
                "Top risks: what to do next", "The next level", "Areas", "What changed since the baseline");
        Element summary = section(index, "Maturity level");
        assertThat(summary.select(".score-summary").text()).contains("33 of 100");
        assertThat(summary.select("table")).isEmpty();
        assertThat(section(index, "The next level").select("table caption").text()).contains("The maturity ladder");
    }

    @Test
    void areaPageShowsBreakdownEvidenceExcerptsLinksAndSections(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        Document silos = page(site, "areas/knowledge-silos.html");
        Element breakdown = section(silos, "Score breakdown").selectFirst("table");
        assertThat(breakdown.select("thead th").eachText()).contains("Check", "Share of the area");
        assertThat(breakdown.select("a[href=../checks/truck-factor.html]")).hasSize(1);
        Element excerpt = silos.selectFirst(".evidence pre.excerpt");
        assertThat(excerpt.select(".line")).hasSize(3);
        assertThat(excerpt.selectFirst(".line.hit").text()).contains("2").contains(HOSTILE_LINE);
        assertThat(excerpt.select("script")).isEmpty();
        assertThat(silos.select(".finding a[href=../checks/single-author-directories.html]")).hasSize(1);

        Document delivery = page(site, "areas/delivery.html");
        assertThat(delivery.select(".finding .new-finding").text()).isEqualTo("new since the baseline");
        Element extra = section(delivery, "Pipelines " + HOSTILE_LINE);
        assertThat(extra.select("table thead th").eachText()).containsExactly("File", "Jobs");
        assertThat(page(site, "areas/process.html").select("h2").eachText()).noneMatch(t -> t.startsWith(
                "Pipelines"));
    }

    @Test
    void checkPagesDocumentEveryRubricCheck(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        for (CheckDef c : rubric.checks().values()) {
            Document doc = page(site, "checks/" + c.id() + ".html");
            assertThat(doc.select("h2").eachText()).contains("What it measures", "Thresholds", "Why it matters",
                    "How to fix it", "In this assessment");
            assertThat(doc.text()).contains(c.remediation().strip()).contains(c.title());
        }
        Document truck = page(site, "checks/truck-factor.html");
        assertThat(section(truck, "Thresholds").select("tbody tr").eachText()).containsExactly("fail 1", "inactiveDays 90", "minFiles 10",
                "warn 2");
        assertThat(truck.select(".finding-links a").attr("href")).startsWith("../areas/knowledge-silos.html#finding-");
        assertThat(page(site, "checks/index.html").select("tbody tr")).hasSize(rubric.checks().size());
    }

    @Test
    void trendPageHasOneChartPerAssessedAreaAndADataTable(@TempDir Path dir) throws Exception {
        Document trend = page(render(dir), "trend.html");
        assertThat(trend.select("figure.chart-line svg")).hasSize(1 + 2); // overall and the two areas with data
        assertThat(trend.select(".sect1 .not-assessed").first().parent().text())
                .startsWith("Not assessed at any point: Incident response, Process,");
        for (Element svg : trend.select("figure.chart-line svg")) {
            assertThat(svg.select("title").first().text()).isNotBlank();
            assertThat(svg.selectFirst("desc").text()).isNotBlank();
        }
        assertThat(trend.selectFirst("#trend-overall desc").text())
                .isEqualTo("The overall score went from 50 on 2026-01-31 to 33 on 2026-03-15 (lowest 33, highest 50,"
                        + " 3 points).");
        Element table = trend.selectFirst("table.trend-table");
        assertThat(table.select("thead th")).hasSize(4 + 9);
        // the duplicate of the January point (same date and commit) is shown once; this run comes last
        assertThat(table.select("tbody tr").eachText()).hasSize(3).last().asString().contains("this run");
    }

    @Test
    void portfolioIsSortableByTheThemeScriptOnly(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("portfolio");
        Files.createDirectories(site.resolve("repos/shop"));
        Files.writeString(site.resolve("repos/shop/index.html"), "<html><body>shop</body></html>");
        List<PortfolioEntry> entries = List.of(
                new PortfolioEntry("shop", "repos/shop/index.html", 70, "defined", 60, "Delivery (DORA)", 20),
                new PortfolioEntry("<b>evil</b>", "javascript:alert(1).html", 20, "initial", 30, "Process", 5),
                new PortfolioEntry("new-repo", null, null, null, null, null, null));
        List<String> problems = new SiteRenderer(Theme.load(null), "gen").renderPortfolio(entries, rubric,
                "Portfolio", site);
        assertThat(problems).isEmpty();
        Document doc = page(site, "portfolio.html");
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.selectFirst("script").attr("src")).isEqualTo("js/sort.js");
        assertThat(doc.selectFirst("script").data()).isEmpty();
        assertThat(site.resolve("js/sort.js")).exists();
        assertThat(site.resolve("repos/shop/index.html")).exists(); // kept
        // one heat map (all three have no owner), sortable, worst first; without area scores only the overall columns
        Element table = doc.selectFirst("details.team table.heatmap.sortable");
        assertThat(table.select("thead th").eachText()).containsExactly("Repository", "Score", "Level", "Trend");
        List<String> rows = table.select("tbody tr").eachText();
        assertThat(rows).containsExactly("<b>evil</b> 20 Initial -10", "shop 70 Defined +10", "new-repo n/a none new");
        assertThat(table.select("a").eachAttr("href")).containsExactly("repos/shop/index.html");
        assertThat(table.select(".improvement")).hasSize(1);
        assertThat(table.select(".regression")).hasSize(1);
    }

    @Test
    void accessibleStructureOnEveryPage(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        for (Path file : htmlFiles(site)) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8");
            String name = site.relativize(file).toString();
            assertThat(doc.select("h1")).as(name).hasSize(1);
            int previous = 1;
            for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
                int level = h.tagName().charAt(1) - '0';
                assertThat(level).as(name + ": " + h.text()).isLessThanOrEqualTo(previous + 1);
                previous = level;
            }
            for (Element table : doc.select("table.tableblock")) {
                assertThat(table.select("thead th")).as(name + " table header").isNotEmpty();
                assertThat(table.select("thead th").eachAttr("scope")).as(name).containsOnly("col");
            }
            for (Element svg : doc.select("svg")) {
                assertThat(svg.children().first().tagName()).isEqualTo("title");
                assertThat(svg.select("> desc")).hasSize(1);
                assertThat(svg.attr("aria-labelledby")).contains(svg.selectFirst("title").id());
            }
            assertThat(doc.selectFirst("body > a.skip-link").attr("href")).isEqualTo("#content");
            assertThat(doc.getElementById("content")).as(name).isNotNull();
            assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        }
        // severity and level are always words, never colour alone
        for (Element pill : page(site, "index.html").select("[class*=severity-], .level")) {
            assertThat(pill.text()).isNotBlank();
        }
    }

    @Test
    void noGeneratedFileRequestsAnythingFromTheNetwork(@TempDir Path dir) throws Exception {
        Path site = render(dir);
        Pattern external = Pattern.compile("(?i)https?:|//[a-z0-9-]+\\.[a-z]|@import|url\\(");
        List<Path> files;
        try (var walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).extracting(p -> site.relativize(p).toString().replace('\\', '/'))
                .contains("index.html", "trend.html", "css/devops.css", "js/sort.js", "areas/delivery.html",
                        "checks/truck-factor.html", "checks/index.html");
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.toString().endsWith(".css") || f.toString().endsWith(".js")) {
                text = text.replaceAll("(?s)/\\*.*?\\*/", ""); // comments may mention what is not done
            }
            assertThat(text).as(site.relativize(f).toString()).doesNotContainPattern(external);
        }
    }

    @Test
    void renderingTwiceGivesByteIdenticalSites(@TempDir Path dir) throws Exception {
        Path a = render(dir.resolve("a"));
        Path b = render(dir.resolve("b"));
        List<Path> left = allFiles(a);
        assertThat(left).hasSizeGreaterThan(15);
        assertThat(left.stream().map(a::relativize).toList()).isEqualTo(allFiles(b).stream().map(b::relativize)
                .toList());
        for (Path p : left) {
            assertThat(Files.readAllBytes(b.resolve(a.relativize(p).toString()))).as(a.relativize(p).toString())
                    .isEqualTo(Files.readAllBytes(p));
        }
    }

    @Test
    void verifierAllowsSiteScriptFilesOnlyAndFindsEmptySections(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("js"));
        Files.writeString(dir.resolve("js/sort.js"), "");
        Files.writeString(dir.resolve("ok.html"), "<html><head><script src=\"js/sort.js\" defer></script></head>"
                + "<body><div class=\"sect1\"><h2>A</h2><div class=\"sectionbody\"><p>text</p></div></div>"
                + "</body></html>");
        assertThat(new SiteVerifier(dir).verify()).isEmpty();
        Files.writeString(dir.resolve("bad.html"), "<html><head><script>alert(1)</script>"
                + "<script src=\"https://cdn.example/x.js\"></script><script src=\"js/missing.js\"></script></head>"
                + "<body><svg><foreignObject></foreignObject></svg><div class=\"sect1\"><h2>Empty</h2>"
                + "<div class=\"sectionbody\"></div></div></body></html>");
        assertThat(new SiteVerifier(dir).verify())
                .anySatisfy(p -> assertThat(p).contains("bad.html: inline script"))
                .anySatisfy(p -> assertThat(p).contains("external reference https://cdn.example/x.js"))
                .anySatisfy(p -> assertThat(p).contains("broken link js/missing.js"))
                .anySatisfy(p -> assertThat(p).contains("foreignObject"))
                .anySatisfy(p -> assertThat(p).contains("empty section Empty"))
                .noneSatisfy(p -> assertThat(p).startsWith("ok.html"));
    }

    private static Element section(Document doc, String heading) {
        for (Element h : doc.select("h2")) {
            if (h.text().equals(heading)) {
                return h.parent();
            }
        }
        throw new AssertionError("no section " + heading + " in " + doc.select("h2").eachText());
    }

    private static List<Path> htmlFiles(Path site) throws Exception {
        return allFiles(site).stream().filter(p -> p.toString().endsWith(".html")).toList();
    }

    private static List<Path> allFiles(Path site) throws Exception {
        try (var walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
