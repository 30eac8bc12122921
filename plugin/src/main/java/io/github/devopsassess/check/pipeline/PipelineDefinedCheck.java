package io.github.devopsassess.check.pipeline;

import io.github.devopsassess.model.Words;
import java.util.regex.Pattern;
import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.Check;
import io.github.devopsassess.check.Listing;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.facts.pipeline.Reference;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.pipeline.PipelineDefinition;
import io.github.devopsassess.facts.pipeline.PipelineFacts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code pipeline-defined}: without a CI pipeline in version control there is no fast feedback loop, and every
 * release depends on whoever knows the manual steps. A pipeline that names a local file the repository does not hold
 * (a GitLab {@code include: local}, a composite action, a reusable workflow) does not run as written: GitLab rejects
 * the whole configuration (fail), GitHub fails the jobs that use it (warn). One finding lists every such place.
 */
public final class PipelineDefinedCheck implements Check {

    public static final String ID = "pipeline-defined";

    /**
     * Automation the pipeline scanner does not read: Jenkinsfiles by other names, hosted builders and GitOps or
     * Terraform runners configured from the repository, and CI systems without a reader yet.
     */
    private static final Pattern OTHER_AUTOMATION = Pattern.compile("(^|/)(Jenkinsfile[^/]*|netlify\\.toml"
            + "|atlantis\\.ya?ml|\\.drone\\.ya?ml|\\.travis\\.ya?ml|bitbucket-pipelines\\.yml|cloudbuild\\.ya?ml"
            + "|buildspec\\.ya?ml|appveyor\\.ya?ml|azure-pipelines[^/]*\\.ya?ml|\\.buildkite/[^/]+|\\.tekton/[^/]+"
            + "|\\.woodpecker(\\.ya?ml|/[^/]+)|eng/(ci|pipelines)/[^/]+\\.ya?ml|atlantis/[^/]*values[^/]*\\.ya?ml)$");

    /** How many missing files are listed as evidence. */
    private static final int EVIDENCE = 10;

    private static Finding missing(List<Reference> missing, CheckSettings settings) {
        boolean rejected = missing.stream().anyMatch(r -> "local-include".equals(r.kind()));
        List<String> names = missing.stream().map(Reference::ref).distinct().toList();
        List<Evidence> evidence = missing.stream().limit(EVIDENCE).map(r -> Evidence.line(r.at().path(),
                r.at().line()).withNote(what(r) + " " + r.ref() + " does not exist")).toList();
        String message = "The pipeline names " + Words.plural(names.size(), "local file", "local files") + " that "
                + Words.noun(names.size(), "is", "are") + " not in the repository ("
                + Listing.some(names, 5, ", ") + "): " + (rejected
                        ? "GitLab rejects a configuration whose include is missing, so no job of it runs."
                        : "GitHub fails every run of the jobs that use them.")
                + " Restore or rename the file, or remove the reference; if a step creates it before use (a"
                + " checkout of another repository), make that step's path visible in the workflow.";
        return rejected ? settings.fail(message, "missing-local-files", evidence)
                : settings.warn(message, "missing-local-files", evidence);
    }

    private static String what(Reference r) {
        return switch (r.kind()) {
            case "local-include" -> "included file";
            case "local-action" -> "local action";
            case "local-workflow" -> "reusable workflow";
            default -> "file";
        };
    }

    @Override
    public String id() {
        return ID;
    }

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
        if (!pipelines.definitions().isEmpty()) {
            String systems = pipelines.definitions().stream().map(PipelineDefinition::system).distinct().sorted()
                    .collect(Collectors.joining(", "));
            String summary = Words.plural(pipelines.definitions().size(), "pipeline definition",
                    "pipeline definitions") + ": " + systems;
            if (pipelines.missing().isEmpty()) {
                return Judgement.clean(summary);
            }
            return Judgement.of(List.of(missing(pipelines.missing(), settings)), pipelines.definitions().size(),
                    summary + "; " + Words.plural(pipelines.missing().size(), "named local file", "named local files")
                    + " missing");
        }
        List<String> files = facts.find(TreeFacts.class).map(TreeFacts::files).orElse(List.of());
        List<String> other = files.stream().filter(f -> OTHER_AUTOMATION.matcher(f).find()).limit(5).toList();
        if (!other.isEmpty()) {
            return Judgement.inapplicable("unknown: the repository holds automation this version does not read ("
                    + String.join(", ", other) + ")");
        }
        if (facts.find(TreeFacts.class).map(TreeFacts::documentsOnly).orElse(false)) {
            return Judgement.inapplicable("nothing to build: the repository holds only documents");
        }
        return Judgement.of(List.of(settings.fail(
                "No CI pipeline definition was found: builds, tests and releases depend on someone's machine.",
                "pipeline", List.of(Evidence.note("looked for " + String.join(", ", pipelines.searched()))))), 0,
                "no pipeline definition");
    }
}
