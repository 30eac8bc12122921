package io.github.devopsassess.check.history;

import io.github.devopsassess.facts.history.Authorship;
import io.github.devopsassess.analysis.DegreeOfAuthorship;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.Assessor;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.CheckStatus;
import io.github.devopsassess.testing.Requests;
import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruckFactorCheckTest {

    /**
     * Hand computation (DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1+AC), creation being FA and not a delivery):
     * <ul>
     * <li>src/A.java: alice created it and changed it once more, bob once. alice (FA 1, DL 1, AC 1) 4.3325, bob
     * (DL 1, AC 1) 3.2345 (&lt; 3.293) → {alice}</li>
     * <li>src/B2.java, renamed from B.java by bob: alice keeps the creation (FA 1, DL 0, AC 1) 4.1685; the move is
     * bob's delivery (DL 1, AC 0) 3.457, normalised 0.83 → {alice, bob}. Without following the rename bob would be
     * its only author.</li>
     * <li>lib/C.java → {bob}; lib/D.java → {carol}; README.md is documentation and does not count.</li>
     * </ul>
     * Greedy removal: 4 files covered; remove alice (2 files, tie with bob broken by key) → 3 of 4 covered, still
     * ≥ 50%; remove bob (2 files) → 1 of 4 covered &lt; 50%. Truck factor 2: alice and bob.
     */
    @Test
    void truckFactorFollowsRenamesAndLeavesDocumentationOut(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/A.java", "class A {}\n").write("src/B.java", "class B {}\n")
                    .commit("Alice", "alice@x.org", "A and B");
            repo.write("lib/C.java", "class C {}\n").commit("Bob", "bob@x.org", "C");
            repo.append("src/A.java", "// alice again").commit("Alice", "ALICE@x.org", "tune A");
            repo.append("src/A.java", "// bob").commit("Bob", "bob@x.org", "fix A");
            repo.write("lib/D.java", "class D {}\n").commit("Carol", "carol@x.org", "D");
            repo.rename("src/B.java", "src/B2.java").commit("Bob", "bob@x.org", "rename B");
            for (int i = 0; i < 5; i++) {
                repo.append("README.md", "line " + i).commit("Carol", "carol@x.org", "docs " + i);
            }

            Assessor.Outcome outcome = new Assessor().assess(Requests.withNames(dir).withRubric(smallCode(dir)));
            CheckResult result = outcome.assessment().areas().stream().filter(a -> a.area().equals("knowledge-silos"))
                    .map(AreaScore::checks).flatMap(java.util.List::stream)
                    .filter(c -> c.check().equals(TruckFactorCheck.ID)).findFirst().orElseThrow();

            assertThat(result.metrics()).containsEntry("truckFactor", 2).containsEntry("truckFactorFiles", 4);
            assertThat(result.status()).isEqualTo(CheckStatus.WARN);
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("is 2").contains("Alice and Bob");
                assertThat(f.severity().id()).isEqualTo("medium");
            });
            assertThat(outcome.assessment().metrics()).containsEntry("truckFactor", 2);
        }
    }

    /** A team rubric that judges the truck factor of even a few files, as these small histories need. */
    private static Path smallCode(Path dir) throws java.io.IOException {
        Path rubric = dir.getParent().resolve(dir.getFileName() + "-rubric.yaml");
        java.nio.file.Files.writeString(rubric, "extends: default\nchecks:\n  truck-factor: { thresholds: { minFiles: 1 } }\n");
        return rubric;
    }

    @Test
    void fewerSourceFilesThanMinFilesAreNotAssessed(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("a/X.java", "x").write("b/Y.java", "y").commit("Solo", "solo@x.org", "all");
            Assessor.Outcome outcome = new Assessor().assess(Requests.of(dir));
            CheckResult result = outcome.assessment().areas().stream().map(AreaScore::checks)
                    .flatMap(java.util.List::stream).filter(c -> c.check().equals(TruckFactorCheck.ID)).findFirst()
                    .orElseThrow();
            assertThat(result.status()).isEqualTo(CheckStatus.NOT_ASSESSED);
            assertThat(result.summary()).isEqualTo("only 2 source files with history (fewer than 10): too little code"
                    + " for a truck factor to mean anything");
        }
    }

    @Test
    void doaFormulaMatchesThePaper() {
        assertThat(DegreeOfAuthorship.doa(true, 2, 1)).isCloseTo(4.4965, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(DegreeOfAuthorship.doa(false, 1, 2)).isCloseTo(3.1043, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void soleAuthorGivesTruckFactorOneAndFails(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("a/X.java", "x").write("b/Y.java", "y").commit("Solo", "solo@x.org", "all");
            repo.append("a/X.java", "more").commit("Solo", "solo@x.org", "more");
            repo.write("b/Z.java", "z").commit("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com",
                    "bump");
            Assessor.Outcome outcome = new Assessor().assess(Requests.of(dir).withRubric(smallCode(dir)));
            assertThat(outcome.assessment().metrics()).containsEntry("truckFactor", 1);
            assertThat(outcome.assessment().findings()).anySatisfy(f -> {
                assertThat(f.check()).isEqualTo("truck-factor");
                assertThat(f.severity().id()).isEqualTo("high");
                assertThat(f.message()).contains("contributor-").doesNotContain("Solo");
            });
        }
    }

    /** "If Gil leaves" is false when he left years ago: the finding says the knowledge has already left. */
    @Test
    void aTruckFactorNamingPeopleWhoAlreadyLeftIsNoRiskAhead(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2021-02-01T10:00:00Z");
            for (int i = 0; i < 12; i++) {
                String who = i < 8 ? "Gil Bam" : "Jen Shah";
                repo.write("src/F" + i + ".js", "f" + i + "()\n".repeat(20)).commit(who,
                        who.substring(0, 3).toLowerCase() + "@x.org", "feature " + i);
            }
            repo.at("2024-05-01T10:00:00Z");
            for (int i = 8; i < 12; i++) { // today's maintainers touch a few lines of Jen's files
                String who = i % 2 == 0 ? "Mike Mac" : "Ola Nor";
                repo.append("src/F" + i + ".js", "tweak" + i + "\n").commit(who,
                        who.substring(0, 3).toLowerCase() + "@x.org", "tweak " + i);
            }
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withNames(dir));
        CheckResult r = io.github.devopsassess.testing.Results.result(outcome, TruckFactorCheck.ID);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Truck factor of"
                + " the repository is 1, and the knowledge has already left: Gil Bam (last change 2021-02-01),"
                + " inactive for more than 90 days, is the main author of more than half of its 12 source files, and"
                + " nobody still active has become a main author of them."));
    }

    /**
     * Two people who both left long ago: the risk is behind, not ahead, and knowledge-loss reports the files they
     * left; the truck factor keeps its score (a warning) and says why it reports nothing itself.
     */
    @Test
    void aTruckFactorOfSeveralPeopleWhoAllLeftIsKnowledgeLossFindingNotAnother(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.at("2021-02-01T10:00:00Z");
            for (int i = 0; i < 12; i++) {
                String who = i < 6 ? "Gil Bam" : "Jen Shah";
                repo.write("src/F" + i + ".js", "f" + i + "()\n".repeat(20)).commit(who,
                        who.substring(0, 3).toLowerCase() + "@x.org", "feature " + i);
            }
            repo.at("2024-05-01T10:00:00Z");
            repo.append("src/F11.js", "tweak").commit("Mike Mac", "mik@x.org", "tweak");
        }
        Assessor.Outcome outcome = new Assessor().assess(Requests.withNames(dir));
        CheckResult r = io.github.devopsassess.testing.Results.result(outcome, TruckFactorCheck.ID);
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.metrics()).containsEntry("truckFactor", 2);
        assertThat(r.summary()).contains("the people it names have already left (Gil Bam (last change 2021-02-01)"
                + " and Jen Shah (last change 2021-02-01)): knowledge-loss reports the files they left");
        assertThat(io.github.devopsassess.testing.Results.result(outcome, KnowledgeLossCheck.ID).findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("Gil Bam").contains("Jen Shah"));
    }

    /** Sixty locale files created by one commit make their committer the truck factor: the finding says so. */
    @Test
    void aBulkCreationBehindTheTruckFactorIsPointedOutWithItsFolderAndCommit(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int i = 0; i < 60; i++) {
                repo.write("src/locale/locale_" + i + ".js", "register('l" + i + "', {n: " + i + "});\n");
            }
            org.eclipse.jgit.revwalk.RevCommit bulk = repo.commit("Gen", "gen@x.org", "regenerate locales");
            repo.write("src/core/A.js", "a()\n").commit("Ann", "ann@x.org", "a");
            repo.write("src/core/B.js", "b()\n").commit("Ben", "ben@x.org", "b");

            Assessor.Outcome outcome = new Assessor().assess(Requests.withNames(dir));
            assertThat(outcome.assessment().metrics()).containsEntry("truckFactor", 1);
            assertThat(outcome.assessment().findings()).filteredOn(f -> f.check().equals(TruckFactorCheck.ID))
                    .singleElement().satisfies(f -> assertThat(f.evidence()).anySatisfy(e -> {
                        assertThat(e.path()).isEqualTo("src/locale");
                        assertThat(e.commit()).isEqualTo(bulk.name());
                        assertThat(e.note()).contains("Gen created 60 of these files in one commit")
                                .contains("devops.sourceExcludes");
                    }));
        }
    }

    @Test
    void filesWrittenOverManyCommitsAreNoBulkCreation() {
        java.util.Map<String, java.util.Set<String>> authors = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> createdIn = new java.util.HashMap<>();
        java.util.List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String f = "src/F" + i + ".java";
            files.add(f);
            authors.put(f, java.util.Set.of("ann"));
            createdIn.put(f, i < 55 ? "c1" : "c" + i); // 55 together: not half of the 120
        }
        var authorship = new Authorship(authors, createdIn);
        assertThat(TruckFactorCheck.bulkCreation(authorship, files)).isEmpty();
        assertThat(TruckFactorCheck.bulkCreation(authorship, files.subList(0, 100))).hasValueSatisfying(b -> {
            assertThat(b.commit()).isEqualTo("c1");
            assertThat(b.files()).isEqualTo(55);
            assertThat(b.folder()).isEqualTo("src");
        });
    }
}
