package io.github.devopsassess.facts.build;

import io.github.devopsassess.facts.Input;

import java.util.List;
import java.util.Optional;

/**
 * The build modules of the assessed folder (Maven, Gradle, npm, Python, Go) with their source and test files, and the
 * pipeline steps that test them.
 *
 * @param modules every module with at least one source file, sorted by folder
 */
public record ModuleTests(List<Module> modules) implements Input {

    public ModuleTests {
        modules = List.copyOf(modules);
    }

    /**
     * One build module.
     *
     * @param folder the module's folder, repository-relative ({@code ""} for the root)
     * @param buildFile its build file ({@code pom.xml}, {@code build.gradle[.kts]}, {@code package.json},
     *     {@code pyproject.toml}, {@code setup.py}, {@code go.mod})
     * @param kind {@code maven}, {@code gradle}, {@code npm}, {@code python} or {@code go}
     * @param sources its source files (generated, example, docs and fixture folders and nested modules left out)
     * @param tests its test files ({@code src/test/…}, {@code test/}, {@code tests/}, {@code __tests__/},
     *     {@code *_test.go}, {@code test_*.py}, {@code *.spec.ts}, {@code *Test.java} …)
     * @param testedBy pipeline steps ({@code path:line}) that run this kind of module's tests
     */
    public record Module(String folder, String buildFile, String kind, int sources, int tests, List<String> testedBy) {

        public Module {
            testedBy = List.copyOf(testedBy);
        }

        /** No test file and no pipeline step that tests it. */
        public boolean untested() {
            return tests == 0 && testedBy.isEmpty();
        }
    }

    @Override
    public Optional<String> unusable() {
        return modules.isEmpty() ? Optional.of("no build module with source files (pom.xml, build.gradle,"
                + " package.json, pyproject.toml, setup.py, go.mod)") : Optional.empty();
    }
}
