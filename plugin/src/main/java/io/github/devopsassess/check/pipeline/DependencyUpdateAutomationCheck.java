package io.github.devopsassess.check.pipeline;

import java.util.regex.Pattern;
import java.util.Optional;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineFacts;

import java.util.List;

/**
 * {@code dependency-update-automation}: without Dependabot or Renovate, pinned actions, images and libraries age
 * silently and security fixes arrive only when someone remembers.
 */
public final class DependencyUpdateAutomationCheck implements Check {

    public static final String ID = "dependency-update-automation";

    @Override
    public String id() {
        return ID;
    }

    private static final Pattern UPDATECLI = Pattern.compile("(^|/)(updatecli(\\.d)?/[^/]+\\.ya?ml|updatecli\\.ya?ml)$");
    private static final Pattern UPDATE_SUBJECT = Pattern.compile("(?i)\\b(bump|update|upgrade|pin)\\b");
    @Override
    public List<Class<?>> requires() {
        return List.of();
    }

    /** It judges the absence of pipelines, so it needs them scanned, not found. */
    @Override
    public List<Class<?>> scanned() {
        return List.of(PipelineFacts.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        PipelineFacts pipelines = facts.get(PipelineFacts.class);
        if (!pipelines.dependencyUpdates().isEmpty()) {
            return Judgement.clean("dependency updates automated by " + String.join(", ",
                    pipelines.dependencyUpdates()));
        }
        List<String> files = facts.find(TreeFacts.class).map(TreeFacts::files).orElse(List.of());
        List<String> updatecli = files.stream().filter(f -> UPDATECLI.matcher(f).find()).limit(3).toList();
        if (!updatecli.isEmpty()) {
            return Judgement.clean("dependency updates automated by updatecli (" + String.join(", ", updatecli) + ")");
        }
        // An organisation-wide bot (Renovate or Dependabot run centrally, a build team's image bot) leaves no
        // configuration here but commits its updates: a bot's update commit in the last year shows the automation.
        Optional<String> bot = facts.find(HistoryFacts.class).filter(HistoryFacts::available).flatMap(h -> h.commits()
                .stream().filter(c -> c.author().bot() && c.commit().commitTime() > h.headTime() - 365 * 86_400L
                        && c.commit().subject() != null && UPDATE_SUBJECT.matcher(c.commit().subject()).find())
                .map(c -> c.author().display()).findFirst());
        if (bot.isPresent()) {
            return Judgement.clean("dependency updates automated by " + bot.get() + " (its update commits; no"
                    + " configuration in the repository)");
        }
        if (facts.find(TreeFacts.class).map(TreeFacts::documentsOnly).orElse(false)) {
            return Judgement.inapplicable("nothing to update: the repository holds only documents");
        }
        return Judgement.of(List.of(settings.fail(
                "No Dependabot or Renovate configuration was found: actions, images and libraries are updated only"
                        + " when someone remembers.", "dependency-updates", List.of(Evidence.note(
                                "looked for .github/dependabot.yml, renovate.json and their variants")))), 0,
                "no Dependabot or Renovate configuration");
    }
}
