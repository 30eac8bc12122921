package io.github.devopsassess.check.ownership;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.ownership.Codeowners;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.ownership.CodeownersFile;
import io.github.devopsassess.facts.ownership.CodeownersRule;
import io.github.devopsassess.facts.ownership.CodeownersSection;
import io.github.devopsassess.facts.ownership.OwnershipFacts;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code optional-ownership-sections}: a GitLab CODEOWNERS file whose every rule sits in an optional
 * ({@code ^[Name]}) section — owners are suggested, nobody's approval is required, so nothing is enforced.
 */
public final class OptionalOwnershipSectionsCheck implements Check {

    public static final String ID = "optional-ownership-sections";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(Codeowners.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        CodeownersFile file = facts.get(Codeowners.class).file();
        if (!file.gitlab()) {
            return Judgement.inapplicable("no GitLab CODEOWNERS file (only GitLab has optional sections)");
        }
        Set<String> optional = file.sections().stream().filter(CodeownersSection::optional)
                .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> required = file.sections().stream().filter(s -> !s.optional())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<CodeownersRule> owning = file.rules().stream().filter(r -> !r.exclusion() && !r.owners().isEmpty())
                .toList();
        if (owning.isEmpty()) {
            return Judgement.inapplicable(file.path() + " names no owners");
        }
        long enforced = owning.stream().filter(r -> r.section() == null
                || required.contains(r.section().toLowerCase(Locale.ROOT))
                || !optional.contains(r.section().toLowerCase(Locale.ROOT))).count();
        String summary = enforced + " of " + Words.plural(owning.size(), "owner rule", "owner rules") + " "
                + Words.noun(enforced, "is", "are") + " in required sections";
        if (enforced > 0) {
            return Judgement.clean(summary);
        }
        List<Evidence> evidence = file.sections().stream().filter(CodeownersSection::optional)
                .map(s -> Evidence.line(file.path(), s.line()).withNote("^[" + s.name() + "]")).toList();
        Finding f = settings.fail("Every owner rule of " + file.path() + " is in an optional section: code owners"
                + " are only suggested reviewers and no change needs their approval.", file.path(), evidence);
        return Judgement.of(List.of(f), 0, summary);
    }
}
