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

/** The team's own organisation's actions are not a third party's; a branch of someone else's still is. */
class UnpinnedActionsOwnOrganisationTest {

    private static final String PATH = ".github/workflows/deploy.yml";

    private static CheckResult run(String repository) throws Exception {
        List<Reference> refs = List.of(
                new Reference("action", "acme/shared-actions/deploy@main", Pinning.BRANCH, new Location(PATH, 12)),
                new Reference("action", "Acme/.github/.github/workflows/build.yml@main", Pinning.BRANCH,
                        new Location(PATH, 20)),
                new Reference("action", "someone/slack-notify@master", Pinning.BRANCH, new Location(PATH, 30)));
        Job job = new Job("deploy", "deploy", new Location(PATH, 5), null, List.of(), null, null, List.of(), List.of(),
                refs, null, null, null, null, true);
        Workflow w = new Workflow("github-actions", PATH, "deploy", List.of(), null, List.of(job), null);
        Facts facts = Facts.builder()
                .put(PipelineFacts.class, new PipelineFacts(List.of(), List.of(PATH), List.of(w), List.of(), List.of(),
                        List.of()))
                .put(TreeFacts.class, new TreeFacts("", List.of(PATH), "test", repository)).build();
        CheckSettings settings = new CheckSettings(new RubricLoader(UnpinnedActionsOwnOrganisationTest.class
                .getClassLoader()).loadDefault().checks().get(UnpinnedActionsCheck.ID));
        return CheckRunner.evaluate(new UnpinnedActionsCheck(), facts, settings);
    }

    @Test
    void theOwnOrganisationIsLeftOutCaseInsensitively() throws Exception {
        CheckResult r = run("acme/shop");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("1 third-party reference follows a branch")
                    .contains("someone/slack-notify@master").doesNotContain("acme/");
            assertThat(f.evidence()).containsExactly(Evidence.line(PATH, 30).withNote("someone/slack-notify@master"));
        });
        assertThat(r.summary()).isEqualTo("1 of 3 third-party references not pinned to a commit; 2 of the team's own"
                + " organisation left out");
        assertThat(r.score()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anUnknownRepositoryCountsEveryOrganisation() throws Exception {
        CheckResult r = run(null);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("3 third-party references follow a branch"));
    }
}
