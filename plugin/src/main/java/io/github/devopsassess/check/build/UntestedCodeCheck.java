package io.github.devopsassess.check.build;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.build.ModuleTests;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/**
 * {@code untested-code}: build modules (Maven, Gradle, npm, Python, Go) with source files but no test file at all,
 * and no pipeline step that runs that kind of module's tests: code exempt from testing. One finding lists the
 * modules, each with its build file and the count of its source files.
 */
public final class UntestedCodeCheck implements Check {

    public static final String ID = "untested-code";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(ModuleTests.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        ModuleTests modules = facts.get(ModuleTests.class);
        int minSources = settings.intThreshold("minSources", 3);
        List<ModuleTests.Module> judged = modules.modules().stream().filter(m -> m.sources() >= minSources).toList();
        List<ModuleTests.Module> untested = judged.stream().filter(ModuleTests.Module::untested).toList();
        long noTestFile = judged.stream().filter(m -> m.tests() == 0).count();
        if (judged.isEmpty()) {
            return Judgement.clean(0, "no build module with " + minSources + " or more source files");
        }
        if (untested.isEmpty()) {
            return Judgement.clean(judged.size(), Words.plural(judged.size(), "module", "modules")
                    + " with source files; each has test files"
                    + (noTestFile == 0 ? "" : " or a pipeline step that runs its kind of tests (" + noTestFile
                            + " without a test file of its own)"));
        }
        List<Evidence> evidence = untested.stream().map(m -> Evidence.line(m.buildFile(), 1).withNote(m.kind()
                + " module, " + Words.plural(m.sources(), "source file", "source files") + ", no test file")).toList();
        List<String> names = untested.stream().map(m -> (m.folder().isEmpty() ? "the root module" : m.folder() + "/")
                + " (" + m.kind() + ", " + Words.plural(m.sources(), "source file", "source files") + ")").toList();
        String message = (untested.size() == 1 ? names.get(0) + " has" : String.join(", ", names) + " have")
                + " no test file at all, and no pipeline step runs " + (untested.size() == 1 ? "its" : "their")
                + " kind of tests: code that no change is tested against.";
        Finding finding = settings.fail(message, "untested-code:" + String.join(",",
                untested.stream().map(m -> m.folder() + "#" + m.kind()).toList()), evidence);
        return Judgement.of(List.of(finding), judged.size(), untested.size() + " of " + judged.size()
                + " modules with source files have no test").lost(untested.size());
    }
}
