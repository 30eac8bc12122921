package io.github.devopsassess.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.People;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.source.WorkingTree;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone only an on-call file knows (no commit, no CODEOWNERS entry) is named by the one rule of every page in the
 * lines an excerpt quotes too: by their pseudonym unless names are shown, whether the file gives a user name, a full
 * name or a Terraform resource label.
 */
class OnCallExcerptNamesTest {

    private static final Pseudonyms KEY = Pseudonyms.keyed("on-call excerpts");

    private static final String TERRAFORM = """
            resource "pagerduty_user" "cdoe" {
              name  = "Carol Doe"
              email = "carol@shop.example"
            }

            resource "pagerduty_schedule" "primary" {
              name      = "Primary"
              time_zone = "Europe/Berlin"
              layer {
                name                         = "Weekly"
                start                        = "2026-01-05T09:00:00+01:00"
                rotation_virtual_start       = "2026-01-05T09:00:00+01:00"
                rotation_turn_length_seconds = 604800
                users                        = [pagerduty_user.cdoe.id]
              }
            }
            """;

    @Test
    void anExcerptOfAnOnCallFileShowsPseudonymsForUserNamesFullNamesAndResourceLabels(@TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("oncall"));
        Files.writeString(dir.resolve("oncall/oncall.yaml"), """
                people:
                  - id: dsmith
                    name: Dan Smith
                rotations:
                  - id: primary
                    members: [dsmith]
                """);
        Files.writeString(dir.resolve("oncall/pagerduty.tf"), TERRAFORM);
        Files.writeString(dir.resolve("README.md"), "Ask Dan Smith or dsmith about the rota.\n");
        Map<String, String> onCall = Map.of("dsmith", "Dan Smith", "pagerduty_user.cdoe", "Carol Doe");
        Finding f = Finding.of("oncall-single-person-rotation", "incident-response", Severity.HIGH, "m", "s",
                List.of(Evidence.line("oncall/oncall.yaml", 2), Evidence.line("oncall/oncall.yaml", 6),
                        Evidence.line("oncall/pagerduty.tf", 2), Evidence.line("oncall/pagerduty.tf", 14),
                        Evidence.line("README.md", 1)), "r");
        List<String> files = List.of("oncall/oncall.yaml", "oncall/pagerduty.tf");
        People people = People.withoutHistory(false, KEY).withOnCall(onCall);
        Map<String, SourceExcerpt> hidden = new EvidenceExcerpts(new WorkingTree(dir, "", 1 << 20), people, files)
                .of(List.of(f));
        // the pseudonym is the one every page gives them (People.person, as the on-call scanner names them)
        String dan = people.person("dsmith", "Dan Smith");
        String carol = people.person("pagerduty_user.cdoe", "Carol Doe");
        assertThat(dan).isEqualTo(KEY.of("dan smith"));
        assertThat(hidden.get("oncall/oncall.yaml:2-2").lines()).containsExactly("people:", "  - id: " + dan,
                "    name: " + dan);
        assertThat(hidden.get("oncall/oncall.yaml:6-6").lines()).containsExactly("  - id: primary",
                "    members: [" + dan + "]");
        assertThat(hidden.get("oncall/pagerduty.tf:2-2").lines()).containsExactly(
                "resource \"pagerduty_user\" \"" + carol + "\" {", "  name  = \"" + carol + "\"",
                "  email = \"" + KEY.of("carol@shop.example") + "\"");
        assertThat(hidden.get("oncall/pagerduty.tf:14-14").lines()).anySatisfy(l -> assertThat(l)
                .isEqualTo("    users                        = [pagerduty_user." + carol + ".id]"));
        assertThat(hidden.get("README.md:1-1").lines()).as("full names everywhere, user names in on-call files only")
                .containsExactly("Ask " + dan + " or dsmith about the rota.");
        String all = hidden.values().stream().flatMap(x -> x.lines().stream()).collect(Collectors.joining("\n"));
        assertThat(all).doesNotContain("Dan Smith").doesNotContain("Carol Doe").doesNotContain("carol@")
                .doesNotContain("cdoe");
        assertThat(all).as("the words of the file stay").contains("pagerduty_user", "primary", "members");

        Map<String, SourceExcerpt> shown = new EvidenceExcerpts(new WorkingTree(dir, "", 1 << 20),
                People.withoutHistory(true, KEY).withOnCall(onCall), files).of(List.of(f));
        assertThat(shown.get("oncall/oncall.yaml:2-2").lines()).as("devops.showNames shows real names")
                .containsExactly("people:", "  - id: dsmith", "    name: Dan Smith");
    }

    @Test
    void theAssessmentQuotesAnOnCallOnlyPersonByThePseudonymItsFindingsUse(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("oncall/oncall.yaml", """
                    timezone: Europe/Berlin
                    rotations:
                      - id: primary
                        members: [dsmith]
                        name: Primary
                        handoff: "2026-01-05T09:00:00+01:00"
                        turn: 1w
                    people:
                      - id: dsmith
                        name: Dan Smith
                    escalations:
                      - id: shop
                        levels:
                          - targets: [rotation:primary]
                    services:
                      - id: shop
                        name: Shop
                        production: true
                        escalation: shop
                    """).commit("Ann Lee", "ann@shop.example", "On-call");
            Assessor.Outcome outcome = new Assessor().assess(new AssessmentRequest(dir, null, null, "shop", null,
                    null, ScanOptions.defaults().withShowNames(false).withPseudonyms(KEY), s -> { }, s -> { }));
            String dan = KEY.of("dan smith");
            List<Finding> onCallFindings = outcome.assessment().findings().stream()
                    .filter(f -> f.evidence().stream().anyMatch(e -> "oncall/oncall.yaml".equals(e.path())
                            && e.startLine() != null)).toList();
            assertThat(onCallFindings).as("findings that quote the on-call file").isNotEmpty();
            List<String> quoted = outcome.excerpts().values().stream().filter(x -> x.path().equals(
                    "oncall/oncall.yaml")).flatMap(x -> x.lines().stream()).toList();
            assertThat(quoted).as("the rotation's lines name its member by the pseudonym of every page")
                    .contains("    members: [" + dan + "]");
            assertThat(String.join("\n", quoted)).doesNotContain("dsmith").doesNotContain("Dan Smith");
        }
    }
}
