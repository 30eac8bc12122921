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
}
