package io.github.devopsassess.check.postmortem;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.check.postmortem.ActionItemsClosedCheck;
import io.github.devopsassess.check.postmortem.ActionItemsTrackedCheck;
import io.github.devopsassess.check.postmortem.OverReactionCheck;
import io.github.devopsassess.check.postmortem.PostmortemFactsView;
import io.github.devopsassess.check.postmortem.PostmortemTimelinessCheck;
import io.github.devopsassess.check.postmortem.PostmortemsPresentCheck;
import io.github.devopsassess.check.postmortem.RecurringCausesCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.scan.pipeline.PipelineFixtures;
import io.github.devopsassess.facts.postmortem.PostmortemFacts;
import io.github.devopsassess.scan.postmortem.PostmortemFixtures;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.testing.DefaultSettings;
import io.github.devopsassess.testing.Histories;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentResponseChecksTest {

    static final String PM1 = "postmortems/PM2025-001 - Logs from workers not shipped to CloudWatch.md";
    static final String PM4 = "postmortems/PM2025-004 - Logs not shipped to CloudWatch.md";
    static final String CHECKOUT = "postmortems/PM2026-002 - Checkout returning 503.md";

    @TempDir
    static Path dir;
    static Facts facts;

    @BeforeAll
    static void scan() {
        facts = PostmortemFixtures.scan(PostmortemFixtures.copy("repo", dir), null, false);
    }

    private static Facts with(Object... extra) {
        Facts.Builder b = Facts.builder();
        b.put(PostmortemFacts.class, facts.find(PostmortemFacts.class).orElseThrow());
        for (Object o : extra) {
            put(b, o);
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static <T> void put(Facts.Builder b, T o) {
        b.put((Class<T>) o.getClass(), o);
    }

    private static Facts empty(PipelineFacts pipelines) {
        Facts.Builder b = Facts.builder().put(PostmortemFacts.class, new PostmortemFacts(List.of(), List.of(),
                List.of(), List.of("postmortems/**"), false, null, List.of(), List.of()));
        if (pipelines != null) {
            b.put(PipelineFacts.class, pipelines);
        }
        return b.build();
    }

    @Test
    void noPostmortemsFailsWhereAJobDeploysToProductionAndIsNotAssessedForALibrary(@TempDir Path dir)
            throws Exception {
        Path service = dir.resolve("service");
        java.nio.file.Files.createDirectories(service.resolve(".github/workflows"));
        java.nio.file.Files.writeString(service.resolve(".github/workflows/deploy.yml"), "on: push\njobs:\n"
                + "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn verify\n"
                + "  release:\n    runs-on: ubuntu-latest\n    environment: production\n"
                + "    steps:\n      - run: ./deploy.sh\n");
        PipelineFacts deploying = PipelineFixtures.scanFolder(service, List.of()).find(PipelineFacts.class)
                .orElseThrow();
        // the repository cannot show that incidents leave no record: write-ups often live in a wiki or a drive
        CheckResult unknown = CheckRunner.evaluate(new PostmortemsPresentCheck(), empty(deploying),
                DefaultSettings.of(PostmortemsPresentCheck.ID));
        assertThat(unknown.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(unknown.findings()).isEmpty();
        assertThat(unknown.summary()).startsWith("unknown: the project runs in production (.github/workflows/deploy.yml:7"
                + " — job 'release' deploys to production) but keeps no postmortem in the repository").contains("a wiki, a drive");

        // a library's pipeline builds and tests: its incidents are its users', nothing shows it runs in production
        Path library = dir.resolve("library");
        java.nio.file.Files.createDirectories(library.resolve(".github/workflows"));
        java.nio.file.Files.writeString(library.resolve(".github/workflows/build.yml"), "on: push\njobs:\n"
                + "  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn verify\n");
        PipelineFacts building = PipelineFixtures.scanFolder(library, List.of()).find(PipelineFacts.class)
                .orElseThrow();
        CheckResult lib = CheckRunner.evaluate(new PostmortemsPresentCheck(), empty(building),
                DefaultSettings.of(PostmortemsPresentCheck.ID));
        assertThat(lib.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
        assertThat(lib.summary()).contains("nothing shows that the project runs a service in production");

        CheckResult none = CheckRunner.evaluate(new PostmortemsPresentCheck(), empty(new PipelineFacts(List.of(), List.of())),
                DefaultSettings.of(PostmortemsPresentCheck.ID));
        assertThat(none.status()).isEqualTo(CheckStatus.NOT_ASSESSED);

        CheckResult present = CheckRunner.evaluate(new PostmortemsPresentCheck(), with(deploying),
                DefaultSettings.of(PostmortemsPresentCheck.ID));
        assertThat(present.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void onlyPdfReportsWarnAsNotMachineReadable() {
        Facts f = Facts.builder().put(PostmortemFacts.class, new PostmortemFacts(List.of(),
                List.of(new PostmortemFacts.Unreadable("reports/q4.pdf", "not machine-readable (PDF)")), List.of(),
                List.of(), false, null, List.of(), List.of())).build();
        CheckResult r = CheckRunner.evaluate(new PostmortemsPresentCheck(), f, DefaultSettings.of(PostmortemsPresentCheck.ID));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings().get(0).evidence().get(0).note()).contains("not machine-readable");
    }

    @Test
    void lateFirstCommitAfterFiveBusinessDaysFailsAndRenamesAreFollowed() {
        // PM1: incident Mon 2025-02-03; added Tue 2025-02-18 = 11 business days later -> late.
        // PM4: incident Tue 2025-07-08; added as draft.md on Mon 2025-07-14 (4 business days), renamed later.
        Histories h = Histories.builder()
                .commit("Ann Lee", "2024-01-02T10:00:00Z", 'A', "README.md") // the repository existed before
                .commit("Ann Lee", "2025-02-18T10:00:00Z", 'A', PM1)
                .commit("Ann Lee", "2025-07-14T10:00:00Z", 'A', "postmortems/draft.md")
                .commit("Ann Lee", "2025-09-01T10:00:00Z", new FileTouch(PM4, "postmortems/draft.md", 'R', 0, 0));
        CheckResult r = CheckRunner.evaluate(new PostmortemTimelinessCheck(), with(h.build()),
                DefaultSettings.of(PostmortemTimelinessCheck.ID));
        assertThat(r.findings()).singleElement().satisfies(f -> { // one finding lists every late postmortem
            assertThat(f.subject()).isEqualTo("late-postmortems");
            assertThat(f.message()).startsWith("1 of 2 postmortems was written more than 5 business days")
                    .contains("up to 10"); // counted from the timeline's last event, the day after the incident began
            assertThat(f.evidence().get(0).note()).contains("ended 2025-02-04 (its timeline's last event)")
                    .contains("10 business days later");
            assertThat(f.evidence()).extracting(e -> e.commit() == null ? e.path() + ":" + e.startLine()
                    : "commit").containsExactly(PM1 + ":13", "commit");
        });
        assertThat(r.summary()).contains("1 of 2");
        // a postmortem brought in on the repository's first day was written before it existed: not judged
        Histories imported = Histories.builder()
                .commit("Ann Lee", "2025-02-18T10:00:00Z", 'A', PM1)
                .commit("Ann Lee", "2025-07-14T10:00:00Z", 'A', PM4);
        CheckResult fromImport = CheckRunner.evaluate(new PostmortemTimelinessCheck(), with(imported.build()),
                DefaultSettings.of(PostmortemTimelinessCheck.ID));
        assertThat(fromImport.findings()).isEmpty();
        assertThat(fromImport.summary()).startsWith("1 of 1 postmortem written within 5 business days");
        assertThat(PostmortemFactsView.businessDaysBetween(LocalDate.of(2025, 7, 8), LocalDate.of(2025, 7, 14)))
                .isEqualTo(4);
    }

    @Test
    void timelinessWithoutHistoryIsNotAssessed() {
        assertThat(CheckRunner.evaluate(new PostmortemTimelinessCheck(), with(), DefaultSettings.of(PostmortemTimelinessCheck.ID))
                .status()).isEqualTo(CheckStatus.NOT_ASSESSED);
    }

    @Test
    void actionItemsWithoutOwnerOrTicketAreListedWithTheirLines() {
        CheckResult r = CheckRunner.evaluate(new ActionItemsTrackedCheck(), with(), DefaultSettings.of(ActionItemsTrackedCheck.ID));
        // one finding for the team's way of writing action items, one place per postmortem
        Finding items = r.findings().stream().filter(f -> f.subject().equals("action-items")).findFirst()
                .orElseThrow();
        assertThat(items.evidence()).filteredOn(e -> PM4.equals(e.path())).singleElement().satisfies(e -> {
            assertThat(e.startLine()).isEqualTo(29);
            assertThat(e.note()).contains("1 of 3 without an owner (1) or a tracking link (1)");
        });
        assertThat(r.metrics()).containsKey("actionItemsTrackedShare");
        assertThat(r.status()).isIn(CheckStatus.WARN, CheckStatus.FAIL);
    }

    /**
     * A template whose "Action Items" section is a bare "-" asks for neither an owner nor a ticket: it is the root
     * cause of the untracked items, named first; a template with owner and ticket columns is not blamed.
     */
    @Test
    void aTemplateThatAsksForNoOwnerOrTicketIsNamedAsTheRootCause(@TempDir Path other) throws Exception {
        String template = "postmortems/PMyyyy-nnn - Postmortem template.md";
        CheckResult r = CheckRunner.evaluate(new ActionItemsTrackedCheck(), with(),
                DefaultSettings.of(ActionItemsTrackedCheck.ID));
        Finding items = r.findings().stream().filter(f -> f.subject().equals("action-items")).findFirst()
                .orElseThrow();
        assertThat(items.evidence().get(0)).satisfies(e -> {
            assertThat(e.path()).isEqualTo(template);
            assertThat(e.startLine()).isEqualTo(15);
            assertThat(e.note()).contains("ask for no owner and no ticket");
        });
        assertThat(items.message()).contains("the template " + template + " asks for neither, so add owner and"
                + " ticket fields to its action items");

        // the same postmortems, written from a template with owner and ticket columns: the items alone are reported
        PostmortemFixtures.copy("repo", other);
        Files.writeString(other.resolve(template), String.join("\n", "# Incident Title", "", "## Summary", "",
                "## Timeline", "", "## Action Items", "", "| Action | Owner | Ticket |", "| --- | --- | --- |",
                "| | | |", ""));
        Facts asked = PostmortemFixtures.scan(other, null, false);
        assertThat(asked.find(PostmortemFacts.class).orElseThrow().templateForms()).singleElement()
                .satisfies(t -> assertThat(t.asksOwner() && t.asksTracking()).isTrue());
        Finding plain = CheckRunner.evaluate(new ActionItemsTrackedCheck(), asked,
                DefaultSettings.of(ActionItemsTrackedCheck.ID)).findings().stream()
                .filter(f -> f.subject().equals("action-items")).findFirst().orElseThrow();
        assertThat(plain.evidence()).noneMatch(e -> e.path().equals(template));
        assertThat(plain.message()).doesNotContain("template");
    }

    /**
     * A collection kept at the repository root ("PM2024-001 - ….md") keeps its template beside the postmortems under a
     * name no postmortem glob matches ("PMyyyy-nnn - Postmortem template.md"): it is found there all the same.
     */
    @Test
    void aTemplateBesideThePostmortemsIsRead(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("PM2024-001 - Two nodes went NotReady.md"), String.join("\n",
                "# Two nodes went NotReady", "", "## Summary", "", "A node went NotReady twice.", "",
                "## Contributing Factors", "", "- Dev workloads mixed with prod workloads", "", "## Action Items", "",
                "- Move the agent to the monitoring node group", ""));
        Files.writeString(root.resolve("PMyyyy-nnn - Postmortem template.md"), String.join("\n", "# Incident Title",
                "", "## Summary", "", "## Action Items", "", "-", "", "## Lessons Learned", "", "-", ""));
        Files.writeString(root.resolve("notes-template.txt"), "Action Items\n-\n");
        PostmortemFacts pm = PostmortemFixtures.scan(root, null, false).find(PostmortemFacts.class).orElseThrow();
        assertThat(pm.postmortems()).extracting(p -> p.path()).containsExactly("PM2024-001 - Two nodes went NotReady.md");
        assertThat(pm.templateForms()).containsExactly(new PostmortemFacts.TemplateForm(
                "PMyyyy-nnn - Postmortem template.md", 5, false, false));
        Finding items = CheckRunner.evaluate(new ActionItemsTrackedCheck(), Facts.builder()
                .put(PostmortemFacts.class, pm).build(), DefaultSettings.of(ActionItemsTrackedCheck.ID)).findings()
                .get(0);
        assertThat(items.evidence()).extracting(e -> e.path() + ":" + e.startLine()).containsExactly(
                "PMyyyy-nnn - Postmortem template.md:5", "PM2024-001 - Two nodes went NotReady.md:13");
    }

    @Test
    void openItemsOlderThanThirtyDaysFromTheNewestPostmortemDate() {
        // No history: "now" is the newest date in the postmortems, 2026-01-20.
        CheckResult r = CheckRunner.evaluate(new ActionItemsClosedCheck(), with(), DefaultSettings.of(ActionItemsClosedCheck.ID));
        assertThat(r.summary()).contains("as of 2026-01-20");
        assertThat(r.findings()).extracting(Finding::subject).contains(PM4).doesNotContain(CHECKOUT);
        Finding pm4 = r.findings().stream().filter(f -> f.subject().equals(PM4)).findFirst().orElseThrow();
        assertThat(pm4.evidence()).extracting(e -> e.startLine()).containsExactly(28, 29);
        assertThat(pm4.evidence().get(0).note()).contains("open 196 days after the incident");
        assertThat((double) r.metrics().get("openActionItemShare")).isBetween(0.4, 0.6);
    }

    @Test
    void headTimeIsNowAndDueDatesCount() {
        Histories h = Histories.builder().commit("Ann Lee", "2026-03-01T10:00:00Z", 'M', "README.md");
        CheckResult r = CheckRunner.evaluate(new ActionItemsClosedCheck(), with(h.build()),
                DefaultSettings.of(ActionItemsClosedCheck.ID));
        assertThat(r.findings()).filteredOn(f -> f.subject().equals(CHECKOUT)).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0).note()).contains("was due 2026-02-15"));
    }

    @Test
    void recurringCauseIsExplainedWithSharedTermsAndOpenItems() {
        CheckResult r = CheckRunner.evaluate(new RecurringCausesCheck(), with(), DefaultSettings.of(RecurringCausesCheck.ID));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("shared terms: ").contains("cloudwatch")
                    .contains("PM2025-001 - Logs from workers not shipped to CloudWatch.md (2025-02-03)");
            assertThat(f.message()).contains("1 action item of the earlier postmortem is still open");
            assertThat(f.evidence()).extracting(e -> e.path() + ":" + e.startLine())
                    .containsExactly(PM1 + ":18", PM4 + ":19");
        });
        CheckResult strict = CheckRunner.evaluate(new RecurringCausesCheck(), with(), DefaultSettings.of(RecurringCausesCheck.ID,
                Map.of("similarity", 0.95)));
        // no cause is alike at 0.95, but the failure in the titles still came back: said as that, not as a cause
        assertThat(strict.findings()).extracting(Finding::subject).containsExactly("recurring-symptom:" + PM1 + "|"
                + PM4);
    }

    @Test
    void theSameTitleWithOtherCausesIsARecurringFailureNotARecurringCause(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("postmortems"));
        String[][] reports = {
            {"PM2021-005", "2021-06-22", "All services returning 503 in Kubernetes",
                "Changes to the VPC CNI detached the target groups from the load balancer."},
            {"PM2021-006", "2021-06-30", "All services returning 503 in Kubernetes",
                "A poor release strategy kept the known hotfix out of production during the upgrade."},
            {"PM2021-007", "2021-07-02", "All services returning 503 in Kubernetes",
                "A provider upgrade changed how autoscaling groups are attached."},
            {"PM2022-004", "2022-02-08", "Kafka metrics missing from Prometheus",
                "The exporter's response time grew beyond the scrape timeout as consumer groups grew."},
            {"PM2022-007", "2022-07-07", "Kafka metrics stopped being exported to Prometheus",
                "An API key tied to a personal account expired when its owner left."},
        };
        for (String[] r : reports) {
            Files.writeString(other.resolve("postmortems/" + r[0] + " - " + r[2] + ".md"), "# " + r[2] + "\n\n"
                    + "Date: " + r[1] + "\n\n## Summary\n\nOutage.\n\n## Contributing Factors\n\n- " + r[3] + "\n");
        }
        Facts f = PostmortemFixtures.scan(other, null, false);
        CheckResult r = CheckRunner.evaluate(new RecurringCausesCheck(), f, DefaultSettings.of(RecurringCausesCheck.ID));
        // three "503" reports with three causes, two Kafka reports with two: the write-ups say so, judges agreed that
        // no cause recurs; the 503 failure does, and that is said as such, with the causes' difference (the two Kafka
        // titles share too little among five short titles to pass 0.6)
        assertThat(r.findings()).extracting(Finding::subject).containsExactly(
                "recurring-symptom:postmortems/PM2021-005 - All services returning 503 in Kubernetes.md"
                        + "|postmortems/PM2021-006 - All services returning 503 in Kubernetes.md"
                        + "|postmortems/PM2021-007 - All services returning 503 in Kubernetes.md");
        assertThat(r.findings().get(0).message()).startsWith("3 postmortems report the same failure within 10 days"
                + " (titles similar 1.0, shared terms: ").contains("503").contains("Their causes are described"
                        + " differently");
        assertThat(r.findings().get(0).evidence()).extracting(e -> e.startLine()).containsExactly(1, 1, 1);
        assertThat(r.findings()).allSatisfy(x -> assertThat(x.severity().id()).isEqualTo("medium"));
        assertThat(r.summary()).startsWith("0 recurring causes and 1 recurring failure across 3 of 5 postmortems");
        // a 404 outage is not a 503 outage: status codes in a title count
        Files.writeString(other.resolve("postmortems/PM2021-009 - All services returning 404 in Kubernetes.md"),
                "# All services returning 404 in Kubernetes\n\nDate: 2021-09-01\n\n## Contributing Factors\n\n"
                        + "- A Traefik rule matched no route.\n");
        CheckResult again = CheckRunner.evaluate(new RecurringCausesCheck(), PostmortemFixtures.scan(other, null,
                false), DefaultSettings.of(RecurringCausesCheck.ID));
        assertThat(again.findings().get(0).evidence()).extracting(e -> e.path()).noneMatch(x -> x.contains("404"));
    }

    @Test
    void overReactionOnManyOrUnrelatedItems(@TempDir Path other) throws Exception {
        StringBuilder sb = new StringBuilder("# Disk full on db-1\n\n## Root cause\n\nThe database disk filled up "
                + "because old WAL files were never removed.\n\n## Action items\n\n"
                + "- Remove old WAL files automatically OPS-1 @a\n");
        for (String s : List.of("Introduce a change advisory board", "Require two approvals for every merge",
                "Hold weekly architecture review meetings", "Buy a new coffee machine")) {
            sb.append("- ").append(s).append(" OPS-2 @b\n");
        }
        Files.createDirectories(other.resolve("postmortems"));
        Files.writeString(other.resolve("postmortems/2025-03-03-disk.md"), sb.toString());
        Facts f = PostmortemFixtures.scan(other, null, false);
        CheckResult r = CheckRunner.evaluate(new OverReactionCheck(), f, DefaultSettings.of(OverReactionCheck.ID));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("4 of 5 items unrelated");
            assertThat(x.evidence()).hasSize(5);
        });
        CheckResult many = CheckRunner.evaluate(new OverReactionCheck(), f, DefaultSettings.of(OverReactionCheck.ID,
                Map.of("maxActionItems", 3, "minUnrelatedItems", 99)));
        assertThat(many.findings()).singleElement().satisfies(x -> assertThat(x.message())
                .contains("5 action items (more than 3)"));
        CheckResult fixtures = CheckRunner.evaluate(new OverReactionCheck(), with(), DefaultSettings.of(OverReactionCheck.ID));
        assertThat(fixtures.status()).as(fixtures.findings().toString()).isEqualTo(CheckStatus.PASS);
    }
}
