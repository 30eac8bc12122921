package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.report.AssessmentJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A portfolio of 50 generated assessments whose numbers are known by construction, written as a CI matrix leaves
 * them: one folder per repository with its {@code assessment.json}, some with their published {@code site/} beside.
 *
 * <ul>
 * <li>{@code @acme/payments}: pay-00 … pay-09 scoring 10 … 19 (all initial);</li>
 * <li>{@code @acme/search}: search-00 … search-14 scoring 40, 42, … 68;</li>
 * <li>{@code @acme/platform}: plat-00 … plat-19 scoring 70 … 89;</li>
 * <li>no owner: misc-00 … misc-03 scoring 95 … 98, and misc-04 not assessed.</li>
 * </ul>
 * Every repository assessed knowledge silos at half its score and access control at its score; delivery is assessed
 * only by the even-numbered ones, at its score plus one (at most 100). The level follows the default rubric's minimum
 * scores (40 managed, 60 defined, 75 measured, 90 optimizing).
 */
public final class PortfolioFixture {

    /** A repository of the fixture. */
    public record Repo(String name, String team, Integer score, int index) {

        public String level() {
            return PortfolioFixture.level(score);
        }
    }

    private PortfolioFixture() {
    }

    public static List<Repo> repos() {
        List<Repo> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(new Repo(String.format("pay-%02d", i), "@acme/payments", 10 + i, i));
        }
        for (int i = 0; i < 15; i++) {
            out.add(new Repo(String.format("search-%02d", i), "@acme/search", 40 + 2 * i, i));
        }
        for (int i = 0; i < 20; i++) {
            out.add(new Repo(String.format("plat-%02d", i), "@acme/platform", 70 + i, i));
        }
        for (int i = 0; i < 5; i++) {
            out.add(new Repo(String.format("misc-%02d", i), null, i < 4 ? 95 + i : null, i));
        }
        return out;
    }

    static String level(Integer score) {
        if (score == null) {
            return null;
        }
        return score >= 90 ? "optimizing" : score >= 75 ? "measured" : score >= 60 ? "defined"
                : score >= 40 ? "managed" : "initial";
    }

    public static Assessment assessment(Repo r, String date) {
        List<AreaScore> areas = new ArrayList<>();
        Integer s = r.score();
        areas.add(new AreaScore("knowledge-silos", "Knowledge silos", "silos", 2, s != null, s == null ? null : s / 2,
                level(s == null ? null : s / 2), List.of()));
        areas.add(new AreaScore("access-control", "Access control", "access", 2, s != null, s, level(s), List.of()));
        boolean delivery = s != null && r.index() % 2 == 0;
        areas.add(new AreaScore("delivery", "Delivery", "dora", 1, delivery, delivery ? Math.min(100, s + 1) : null,
                delivery ? level(Math.min(100, s + 1)) : null, List.of()));
        List<Finding> findings = s == null || s >= 40 ? List.of() : List.of(Finding.of("truck-factor",
                "knowledge-silos", Severity.HIGH, "Truck factor of " + r.name() + " is 1", r.name(),
                List.of(Evidence.file("src/")), "Pair on the code nobody else knows."));
        return new Assessment(Assessment.SCHEMA_VERSION, "devops-maven-plugin test",
                new Assessment.Subject(r.name(), "", "0123456789abcdef0123456789abcdef01234567", "main", false, date,
                        r.team() == null ? List.of() : List.of(r.team(), "@acme/all-engineers")),
                s, level(s), areas, findings, List.of(), Map.of("truckFactor", 1));
    }

    /** Writes every repository's assessment under {@code root/<name>/assessment.json}; the named ones get a site. */
    public static List<Repo> write(Path root, String date, List<String> withSite) throws IOException {
        List<Repo> repos = repos();
        for (Repo r : repos) {
            AssessmentJson.write(assessment(r, date), root.resolve(r.name()).resolve("assessment.json"));
            if (withSite.contains(r.name())) {
                Files.createDirectories(root.resolve(r.name()).resolve("site"));
                Files.writeString(root.resolve(r.name()).resolve("site/index.html"),
                        "<!DOCTYPE html><html><head><title>" + r.name() + "</title></head><body><h1>" + r.name()
                                + "</h1></body></html>");
            }
        }
        return repos;
    }
}
