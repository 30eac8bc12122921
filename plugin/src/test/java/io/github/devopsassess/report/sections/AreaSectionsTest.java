package io.github.devopsassess.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.ownership.OwnershipHistoryMismatchCheck;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.SiteInput;
import io.github.devopsassess.report.SiteRenderer;
import io.github.devopsassess.report.SiteSections;
import io.github.devopsassess.report.SiteVerifier;
import io.github.devopsassess.report.Theme;
import io.github.devopsassess.rubric.AreaDef;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricLoader;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentMatrix;
import io.github.devopsassess.facts.oncall.CoverageState;
import io.github.devopsassess.facts.oncall.EscalationLevel;
import io.github.devopsassess.facts.oncall.EscalationPolicy;
import io.github.devopsassess.facts.oncall.Layer;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.Person;
import io.github.devopsassess.facts.oncall.Place;
import io.github.devopsassess.facts.oncall.Restriction;
import io.github.devopsassess.facts.oncall.Schedule;
import io.github.devopsassess.facts.oncall.Service;
import io.github.devopsassess.facts.oncall.Target;
import io.github.devopsassess.facts.oncall.WeeklyCoverage;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersPattern;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.FolderOwnership;
import io.github.devopsassess.facts.ownership.Owner;
import io.github.devopsassess.facts.ownership.OwnerType;
import io.github.devopsassess.facts.ownership.OwnershipFacts;
import io.github.devopsassess.facts.postmortem.CauseSimilarity;
import io.github.devopsassess.scan.postmortem.PostmortemConfig;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The area-specific sections rendered into a whole site from hand-made facts, with hostile values everywhere. */
class AreaSectionsTest {

    static final String HOSTILE = "<script>alert(1)</script>";
    static final Pseudonyms KEY = Pseudonyms.keyed("area sections test");
    static final String BOB = KEY.of("bob builder");
    static Rubric rubric;

    @BeforeAll
    static void load() throws Exception {
        rubric = new RubricLoader(AreaSectionsTest.class.getClassLoader())
                .loadDefault();
    }

    static OnCallFacts onCall() {
        Place p = new Place("oncall/pagerduty.tf", 3);
        Layer day = new Layer("Day " + HOSTILE, List.of(List.of("alice@example.com"), List.of("u-bob")), true,
                Instant.parse("2026-01-05T00:00:00Z"), null, null, 7 * 86400,
                List.of(new Restriction(DayOfWeek.MONDAY, LocalTime.of(8, 0), 12 * 3600)), p);
        Schedule schedule = new Schedule("sched-1", HOSTILE, "pagerduty", "Europe/Berlin", List.of(day), true, true,
                null, p);
        EscalationPolicy policy = new EscalationPolicy("pol-1", "Checkout escalation", "pagerduty",
                List.of(new EscalationLevel(30, List.of(new Target(Target.Kind.SCHEDULE, "sched-1", p)), p),
                        new EscalationLevel(null, List.of(new Target(Target.Kind.USER, "u-bob", p)), p)),
                0, 2, null, p);
        Service service = new Service("svc-1", "Checkout API", "pagerduty", "pol-1", false, false, true, p);
        Service orphan = new Service("svc-2", "Batch " + HOSTILE, "pagerduty", null, false, false, false, p);
        List<List<CoverageState>> hours = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<CoverageState> row = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                row.add(h < 8 ? CoverageState.GAP : h < 20 ? CoverageState.SINGLE : d == 6 ? CoverageState.UNKNOWN
                        : CoverageState.COVERED);
            }
            hours.add(row);
        }
        WeeklyCoverage week = new WeeklyCoverage("svc-1", "Checkout API", "pol-1", "Europe/Berlin",
                LocalDate.of(2026, 3, 9), hours, p);
        return new OnCallFacts(List.of(p.path()), List.of(schedule), List.of(policy), List.of(service, orphan),
                List.of(), Map.of("alice@example.com", new Person("alice@example.com", "alice@example.com", false),
                        "u-bob", new Person("u-bob", "Bob Builder", false)),
                List.of(), Instant.parse("2026-03-15T10:00:00Z"), "commit", List.of(week));
    }

    static OwnershipFacts ownership() {
        CodeownersRule rule = new CodeownersRule(4, CodeownersPattern.compile("/billing/"),
                List.of(Owner.parse("carol@example.com")), null, false);
        CodeownersFile file = new CodeownersFile(".github/CODEOWNERS", CodeownersFile.GITHUB, "", List.of(rule),
                List.of(), List.of());
        return new OwnershipFacts(file, List.of(), List.of(".github/CODEOWNERS"), List.of(),
                List.of(new FolderOwnership("billing", OwnerType.INDIVIDUAL, 6, 0, 6, 0,
                                List.of("carol@example.com", "@dave")),
                        new FolderOwnership("migrations " + HOSTILE, OwnerType.NONE, 2, 0, 0, 2, List.of()),
                        new FolderOwnership("src", OwnerType.TEAM, 12, 12, 0, 0, List.of("@shop/core"))),
                List.of(), List.of());
    }

    static EnvironmentFacts environments() {
        Map<String, EnvironmentMatrix.Cell> replicas = new LinkedHashMap<>();
        replicas.put("dev", new EnvironmentMatrix.Cell("1", "helm/values-dev.yaml", 3));
        replicas.put("production", new EnvironmentMatrix.Cell(HOSTILE, "helm/values-prod.yaml", 7));
        Map<String, EnvironmentMatrix.Cell> password = new LinkedHashMap<>();
        password.put("dev", new EnvironmentMatrix.Cell("****", "helm/values-dev.yaml", 9));
        password.put("production", new EnvironmentMatrix.Cell("****", "helm/values-prod.yaml", 9));
        List<EnvironmentMatrix.Row> rows = new ArrayList<>();
        rows.add(new EnvironmentMatrix.Row("setting", "helm:shop", "replicaCount", replicas, true));
        rows.add(new EnvironmentMatrix.Row("setting", "helm:shop", "db.password", password, false));
        rows.add(new EnvironmentMatrix.Row("setting", "helm:shop", "only." + HOSTILE,
                Map.of("dev", new EnvironmentMatrix.Cell("x", "helm/values-dev.yaml", 11)), true));
        return new EnvironmentFacts(List.of(), List.of(), new EnvironmentMatrix(List.of("dev", "production"), rows));
    }

    static EnvironmentFacts manyEnvironments() {
        List<EnvironmentMatrix.Row> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(new EnvironmentMatrix.Row("setting", "spring:app", String.format("key.%03d", i),
                    Map.of("dev", new EnvironmentMatrix.Cell("v" + i, "application-dev.yml", i + 1)), i % 10 == 0));
        }
        return new EnvironmentFacts(List.of(), List.of(), new EnvironmentMatrix(List.of("dev", "production"), rows));
    }

    static PostmortemFacts postmortems() {
        List<PostmortemFacts.Incident> incidents = List.of(
                new PostmortemFacts.Incident("postmortems/2026-01-10-db.md", "Database " + HOSTILE,
                        LocalDate.of(2026, 1, 10), "SEV1", 7, 12, 95, 3, 2, 1, 0,
                        List.of("postmortems/2026-02-02-db.md")),
                new PostmortemFacts.Incident("postmortems/2026-02-02-db.md", "Database again",
                        LocalDate.of(2026, 2, 2), null, null, null, null, 2, 0, 0, 2,
                        List.of("postmortems/2026-01-10-db.md")),
                new PostmortemFacts.Incident("postmortems/old.md", "Undated", null, "P3", 3, null, 20, 0, 0, 0, 0,
                        List.of()));
        return new PostmortemFacts(List.of(), List.of(new PostmortemFacts.Unreadable("postmortems/q1.pdf",
                "not machine-readable (PDF)")), List.of(), List.of("postmortems/**"), false,
                PostmortemConfig.defaults().blameTerms(), List.of(new CauseSimilarity.Cluster(List.of(
                        "postmortems/2026-01-10-db.md", "postmortems/2026-02-02-db.md"), 0.52,
                        List.of("connect", "pool", HOSTILE))), incidents);
    }

    static Assessment assessment() {
        Finding mismatch = Finding.of(OwnershipHistoryMismatchCheck.ID, "knowledge-silos", Severity.MEDIUM,
                "CODEOWNERS gives /billing/ to carol@example.com, who never changed it", ".github/CODEOWNERS:/billing/",
                List.of(Evidence.line(".github/CODEOWNERS", 4), Evidence.commit("0123456789abcdef0123",
                        "latest change by contributor-abc123")), "Name the people who know the code.");
        List<AreaScore> areas = new ArrayList<>();
        for (AreaDef a : rubric.areas().values()) {
            List<CheckResult> checks = new ArrayList<>();
            boolean assessed = a.id().equals("knowledge-silos");
            for (CheckDef c : rubric.enabledChecks(a.id())) {
                List<Finding> fs = c.id().equals(mismatch.check()) ? List.of(mismatch) : List.of();
                checks.add(new CheckResult(c.id(), a.id(), assessed ? (fs.isEmpty() ? CheckStatus.PASS
                        : CheckStatus.FAIL) : CheckStatus.NOT_ASSESSED, fs.isEmpty() ? 1 : 0, c.weight(),
                        assessed ? "measured" : "no data", fs, Map.of()));
            }
            areas.add(new AreaScore(a.id(), a.title(), a.antiPattern(), a.weight(), assessed, assessed ? 50 : null,
                    assessed ? "managed" : null, checks));
        }
        return new Assessment(1, "t", new Assessment.Subject("shop", "", "0123456789abcdef0123", "main", false,
                "2026-03-15T10:00:00Z"), 50, "managed", areas, List.of(mismatch), List.of(), Map.of());
    }

    static Path render(Path dir, Facts facts) throws Exception {
        Path site = dir.resolve("site");
        SiteInput input = SiteInput.of(assessment(), rubric).withFacts(facts);
        assertThat(new SiteRenderer(Theme.load(null), "gen").render(input, site)).isEmpty();
        assertThat(new SiteVerifier(site).verify()).isEmpty();
        return site;
    }

    static Facts allFacts() {
        return Facts.builder().put(OnCallFacts.class, onCall()).put(OwnershipFacts.class, ownership())
                .put(EnvironmentFacts.class, environments()).put(PostmortemFacts.class, postmortems())
                .put(People.class, People.withoutHistory(false, KEY)).build();
    }

    static Document page(Path site, String area) throws Exception {
        return Jsoup.parse(site.resolve("areas/" + area + ".html").toFile(), "UTF-8");
    }

    static Element section(Document doc, String heading) {
        for (Element h : doc.select("h2")) {
            if (h.text().equals(heading)) {
                return h.parent();
            }
        }
        throw new AssertionError("no section " + heading + " in " + doc.select("h2").eachText());
    }

    @Test
    void registryHasTheFourSections() {
        assertThat(SiteSections.all()).hasSize(4);
    }

    @Test
    void onCallShowsEscalationLevelsGridLegendAndGapSummary(@TempDir Path dir) throws Exception {
        Document doc = page(render(dir, allFacts()), "incident-response");
        Element oncall = section(doc, "On-call");
        assertThat(oncall.select("h3").eachText()).containsExactly("Service Checkout API", "Service Batch " + HOSTILE);
        List<String> levels = oncall.select("table.oncall-escalation tbody tr").eachText();
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0)).startsWith("1 30 min").contains("schedule " + HOSTILE)
                .contains(HOSTILE + " / Day " + HOSTILE + " (restricted hours, Europe/Berlin)")
                .contains(BOB).doesNotContain("Bob Builder"); // names are hidden unless the run shows them
        assertThat(levels.get(1)).startsWith("2 last level").contains("person " + BOB);
        assertThat(oncall.text()).contains("repeated 2 times").contains("No escalation policy")
                .doesNotContain("alice@example.com").contains(KEY.of("alice@example.com"));

        Element grid = oncall.selectFirst("table.oncall-grid");
        assertThat(grid.select("thead th")).hasSize(25);
        assertThat(grid.select("tbody tr")).hasSize(7);
        assertThat(grid.select("td")).hasSize(168);
        assertThat(grid.select("tbody tr").first().select("td").eachText().subList(0, 9))
                .containsExactly("✕", "✕", "✕", "✕", "✕", "✕", "✕", "✕", "1");
        assertThat(grid.select("td.oncall-covered").first().text()).isEqualTo("·");
        assertThat(grid.select("td.oncall-unknown").first().text()).isEqualTo("?");
        assertThat(oncall.select("ul.oncall-legend li").eachText()).containsExactly(
                "· covered by two or more people (24 h)", "1 one person only (84 h)", "✕ nobody on call (56 h)",
                "? unknown (roster not readable) (4 h)");
        assertThat(oncall.text()).contains("Gaps (nobody on call): 56 h of 168, Mon 00:00–08:00")
                .contains("Sun 00:00–08:00");
        assertThat(oncall.select("script")).isEmpty();
        assertThat(doc.select("script:not([src])")).isEmpty();
    }

    @Test
    void ownershipTableUsesWordsAndDisplayNamesAndListsMismatches(@TempDir Path dir) throws Exception {
        Document doc = page(render(dir, allFacts()), "knowledge-silos");
        Element own = section(doc, "Ownership");
        List<String> rows = own.select("table.ownership-table tbody tr").eachText();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("billing individual").contains("30%")
                .contains(KEY.of("carol@example.com")).contains(KEY.of("dave"));
        assertThat(rows.get(1)).startsWith("migrations " + HOSTILE + " none nobody 2 10%");
        assertThat(rows.get(2)).startsWith("src team @shop/core 12 60%");
        assertThat(own.select(".owner-none").text()).isEqualTo("none");
        List<String> mismatches = own.select("table.ownership-mismatch tbody tr").eachText();
        assertThat(mismatches).containsExactly("/billing/ .github/CODEOWNERS:4 "
                + KEY.of("carol@example.com") + " contributor-abc123 0123456789ab");
        assertThat(own.text()).doesNotContain("carol@example.com");
        assertThat(own.select("script")).isEmpty();
    }

    @Test
    void environmentsMatrixMarksDifferencesWithWordsAndShowsSources(@TempDir Path dir) throws Exception {
        Document doc = page(render(dir, allFacts()), "environment-parity");
        Element env = section(doc, "Environments");
        Element table = env.selectFirst("table.env-matrix");
        assertThat(table.select("thead th").eachText()).containsExactly("Setting", "Differs", "dev", "production");
        List<String> rows = table.select("tbody tr").eachText();
        assertThat(rows.get(0)).isEqualTo("replicaCount setting, helm:shop differs 1 helm/values-dev.yaml:3 "
                + HOSTILE + " helm/values-prod.yaml:7");
        assertThat(rows.get(1)).contains("same").contains("****").doesNotContain("differs");
        assertThat(rows.get(2)).contains("only." + HOSTILE).contains("not set");
        assertThat(env.text()).contains("3 settings, images and runtimes").contains("2 differ");
        assertThat(env.select("script")).isEmpty();
    }

    @Test
    void environmentsMatrixIsBoundedAndSaysWhatWasLeftOut(@TempDir Path dir) throws Exception {
        Document doc = page(render(dir, Facts.builder().put(EnvironmentFacts.class, manyEnvironments()).build()),
                "environment-parity");
        Element env = section(doc, "Environments");
        assertThat(env.select("table.env-matrix tbody tr")).hasSize(200);
        assertThat(env.select("table.env-matrix tbody tr .env-differs")).hasSize(25); // every differing row kept
        assertThat(env.text()).contains("50 more rows are left out (0 of them differ)");
    }

    @Test
    void incidentsTimelineClustersAndUnreadableWithoutOwners(@TempDir Path dir) throws Exception {
        Document doc = page(render(dir, allFacts()), "incident-response");
        Element inc = section(doc, "Incidents");
        List<String> rows = inc.select("table.incident-timeline tbody tr").eachText();
        assertThat(rows).containsExactly(
                "2026-01-10 Database " + HOSTILE + " postmortems/2026-01-10-db.md SEV1 7 min 12 min 1 h 35 min"
                        + " 3: 2 open, 1 done, 0 unknown postmortems/2026-02-02-db.md",
                "2026-02-02 Database again postmortems/2026-02-02-db.md not stated not stated not stated"
                        + " not stated"
                        + " 2: 0 open, 0 done, 2 unknown postmortems/2026-01-10-db.md",
                "no date Undated postmortems/old.md P3 3 min not stated 20 min none recorded none");
        assertThat(inc.select("table.incident-clusters tbody tr").eachText()).containsExactly(
                "postmortems/2026-01-10-db.md postmortems/2026-02-02-db.md connect, pool, " + HOSTILE + " 52%");
        assertThat(inc.text()).contains("postmortems/q1.pdf: not machine-readable (PDF)");
        assertThat(inc.select("script")).isEmpty();
    }

    @Test
    void noFactsMeansNoSections(@TempDir Path dir) throws Exception {
        Path site = render(dir, Facts.builder().build());
        for (String area : List.of("incident-response", "knowledge-silos", "environment-parity")) {
            assertThat(page(site, area).select("h2").eachText()).doesNotContain("On-call", "Ownership",
                    "Environments", "Incidents");
        }
    }

    @Test
    void namesAreShownOnlyWhenTheRunShowsThemAndNeverAsEmail() {
        PeopleNames names = PeopleNames.of(Facts.builder().put(People.class, People.withoutHistory(true, KEY))
                .build());
        assertThat(names.person("u-bob", "Bob Builder")).isEqualTo("Bob Builder");
        assertThat(names.person("alice@example.com", "alice@example.com")).startsWith("contributor-");
        assertThat(names.owner(Owner.parse("@dave"))).isEqualTo("@dave");
        assertThat(names.owner(Owner.parse("carol@example.com"))).startsWith("contributor-");
        assertThat(names.owner(Owner.parse("@shop/core"))).isEqualTo("@shop/core");
        PeopleNames hidden = PeopleNames.of(Facts.builder().put(People.class, People.withoutHistory(false, KEY))
                .build());
        assertThat(hidden.person("u-bob", "Bob Builder")).isEqualTo(BOB);
        assertThat(hidden.owner(Owner.parse("@dave"))).isEqualTo(KEY.of("dave"))
                .as("a handle and the same user name on call are one person").isEqualTo(hidden.person("dave", null));
        assertThat(PeopleNames.of(Facts.builder().build()).owner(Owner.parse("@dave"))).startsWith("contributor-")
                .as("without the run's settings nobody is named").doesNotContain("dave");
    }

    @Test
    void incidentDurationsReadNaturally() {
        assertThat(IncidentsSection.duration(45)).isEqualTo("45 min");
        assertThat(IncidentsSection.duration(120)).isEqualTo("2 h");
        assertThat(IncidentsSection.duration(3 * 24 * 60 + 65)).isEqualTo("3 days 1 h");
    }
}
