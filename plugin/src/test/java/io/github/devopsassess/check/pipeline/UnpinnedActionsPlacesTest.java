package io.github.devopsassess.check.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.engine.CheckRunner;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.pipeline.Job;
import io.github.devopsassess.facts.pipeline.Location;
import io.github.devopsassess.facts.pipeline.Pinning;
import io.github.devopsassess.facts.pipeline.PipelineFacts;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.facts.pipeline.Workflow;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.rubric.RubricLoader;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A floating action used in several workflows is one finding that shows its first place in each of them. */
class UnpinnedActionsPlacesTest {

    private static final String DEPLOY = ".github/workflows/deploy.yml";
    private static final String MODELS = ".github/workflows/models-sync.yml";

    private static Workflow workflow(String path, Reference... refs) {
        Job job = new Job("deploy", "deploy", new Location(path, 5), null, List.of(), null, null, List.of(),
                List.of(), List.of(refs), null, null, null, null, true);
        return new Workflow("github-actions", path, "deploy", List.of(), null, List.of(job), null);
    }

    private static CheckResult run(List<Workflow> workflows) throws Exception {
        Facts facts = Facts.builder()
                .put(PipelineFacts.class, new PipelineFacts(List.of(), workflows.stream().map(Workflow::path)
                        .toList(), workflows, List.of(), List.of(), List.of()))
                .put(TreeFacts.class, new TreeFacts("", List.of(DEPLOY, MODELS), "test", "acme/shop")).build();
        CheckSettings settings = new CheckSettings(new RubricLoader(UnpinnedActionsPlacesTest.class
                .getClassLoader()).loadDefault().checks().get(UnpinnedActionsCheck.ID));
        return CheckRunner.evaluate(new UnpinnedActionsCheck(), facts, settings);
    }

    @Test
    void theFirstPlaceInEachWorkflowIsEvidence() throws Exception {
        CheckResult r = run(List.of(
                workflow(DEPLOY, new Reference("action", "someone/ssh-action@master", Pinning.BRANCH,
                        new Location(DEPLOY, 40))),
                workflow(MODELS,
                        new Reference("action", "someone/ssh-action@master", Pinning.BRANCH, new Location(MODELS, 34)),
                        new Reference("action", "someone/ssh-action@master", Pinning.BRANCH, new Location(MODELS, 75)),
                        new Reference("action", "other/notify@main", Pinning.BRANCH, new Location(MODELS, 90)))));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("2 third-party references follow a branch");
            // each reference's first place first, then its first place in each other workflow; not every use
            assertThat(f.evidence()).containsExactly(
                    Evidence.line(MODELS, 90).withNote("other/notify@main"),
                    Evidence.line(DEPLOY, 40).withNote("someone/ssh-action@master (3 uses)"),
                    Evidence.line(MODELS, 34).withNote("someone/ssh-action@master"));
        });
    }

    @Test
    void aReferenceUsedInOneWorkflowHasOnePlace() throws Exception {
        CheckResult r = run(List.of(workflow(MODELS,
                new Reference("action", "someone/ssh-action@master", Pinning.BRANCH, new Location(MODELS, 34)),
                new Reference("action", "someone/ssh-action@master", Pinning.BRANCH, new Location(MODELS, 75)))));

        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).containsExactly(
                Evidence.line(MODELS, 34).withNote("someone/ssh-action@master (2 uses)")));
    }

    @Test
    void githubsOwnActionsAtARetiredMajorAreOneWarning() throws Exception {
        CheckResult r = run(List.of(workflow(DEPLOY,
                new Reference("action", "actions/checkout@v2", Pinning.TAG, new Location(DEPLOY, 16)),
                new Reference("action", "actions/setup-node@v1", Pinning.TAG, new Location(DEPLOY, 17)),
                new Reference("action", "actions/setup-python@v4", Pinning.TAG, new Location(DEPLOY, 18)),
                new Reference("action", "actions/upload-artifact@v3.1.2", Pinning.TAG, new Location(DEPLOY, 19)),
                // current majors, and a retired major pinned to a commit, are not reported here
                new Reference("action", "actions/checkout@v4", Pinning.TAG, new Location(DEPLOY, 30)),
                new Reference("action", "actions/setup-python@v5", Pinning.TAG, new Location(DEPLOY, 31)),
                new Reference("action", "actions/setup-java@ee0669bd1cc54295c223e0bb666b733df41de1c5",
                        Pinning.IMMUTABLE, new Location(DEPLOY, 32)))));

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("4 of GitHub's own actions are at a major version GitHub has retired"
                    + " (actions/checkout@v2 (runs on Node 12), actions/setup-node@v1 (runs on Node 12),"
                    + " actions/setup-python@v4 (runs on Node 16), actions/upload-artifact@v3.1.2 (artifact actions"
                    + " before v4 stopped working on 2025-01-30)): the runner forces a newer Node on them or they"
                    + " fail, and they get no fixes. Move each to its current major version (and pin it to a commit"
                    + " SHA).");
            assertThat(f.evidence()).extracting(Evidence::startLine).containsExactly(16, 17, 18, 19);
        });
        assertThat(r.summary()).startsWith("4 of 7 third-party references not pinned to a commit");
    }

    @Test
    void whatARetiredMajorIs() {
        assertThat(UnpinnedActionsCheck.retired("actions/setup-java@v3")).isEqualTo("runs on Node 16");
        assertThat(UnpinnedActionsCheck.retired("actions/setup-java@v4")).isNull();
        assertThat(UnpinnedActionsCheck.retired("actions/download-artifact@v2")).contains("2025-01-30");
        assertThat(UnpinnedActionsCheck.retired("actions/checkout@main")).isNull();
        assertThat(UnpinnedActionsCheck.retired("someone/checkout@v1")).isNull();
    }

    @Test
    void oneRetiredActionIsNamedInTheSingular() throws Exception {
        CheckResult r = run(List.of(workflow(DEPLOY,
                new Reference("action", "actions/checkout@v2", Pinning.TAG, new Location(DEPLOY, 13)))));

        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "GitHub's own action actions/checkout@v2 is at a major version GitHub has retired (runs on Node 12):"
                        + " the runner forces a newer Node on it or it fails, and it gets no fixes. Move it to its"
                        + " current major version (and pin it to a commit SHA)."));
    }
}
