package io.github.devopsassess.source;

import io.github.devopsassess.facts.history.FileTouch;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.testing.TestRepo;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renames found by file name first, then by content among the rest, as one list. */
class RenameFollowingTest {

    private static String javaFile(String pkg, String cls, int methods) {
        return "package " + pkg + ";\n\npublic class " + cls + " {\n" + IntStream.range(0, methods)
                .mapToObj(i -> "    int method" + i + "() {\n        return " + i + " * " + cls.length() + ";\n    }\n")
                .collect(Collectors.joining()) + "}\n";
    }

    private static String pom(String module) {
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>org.example</groupId>\n"
                + "  <artifactId>" + module + "</artifactId>\n  <version>1.0</version>\n  <dependencies>\n"
                + "    <dependency><groupId>org.junit</groupId><artifactId>junit</artifactId></dependency>\n"
                + "  </dependencies>\n</project>\n";
    }

    private static List<FileTouch> lastCommit(TestRepo repo, boolean lineCounts) throws Exception {
        Repository r = repo.git().getRepository();
        History h = new GitHistory(r, Mailmap.empty(), new GitHistory.Options(lineCounts, true, 1024 * 1024))
                .mine(r.resolve("HEAD"), "");
        return h.commits().get(0).files();
    }

    @Test
    void aMovedPackageIsFollowedEvenWhenEveryFileWasEditedAndNamesRecur(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("core/pom.xml", pom("core")).write("web/pom.xml", pom("web"))
                    .write("core/src/org/ex/Parser.java", javaFile("org.ex", "Parser", 12))
                    .write("web/src/org/ex/Handler.java", javaFile("org.ex", "Handler", 12))
                    .commit("Ann", "ann@x.org", "start");
            // both modules move under modules/ and every Java file gets a new package line
            repo.delete("core/pom.xml").delete("web/pom.xml")
                    .delete("core/src/org/ex/Parser.java").delete("web/src/org/ex/Handler.java")
                    .write("modules/core/pom.xml", pom("core")).write("modules/web/pom.xml", pom("web"))
                    .write("modules/core/src/org/ex/Parser.java", javaFile("org.ex.core", "Parser", 12))
                    .write("modules/web/src/org/ex/Handler.java", javaFile("org.ex.web", "Handler", 12))
                    .commit("Ben", "ben@x.org", "move modules");
            for (boolean lines : new boolean[] {false, true}) {
                assertThat(lastCommit(repo, lines)).extracting(FileTouch::kind, FileTouch::path, FileTouch::oldPath)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple('R', "modules/core/pom.xml", "core/pom.xml"),
                                org.assertj.core.groups.Tuple.tuple('R', "modules/core/src/org/ex/Parser.java",
                                        "core/src/org/ex/Parser.java"),
                                org.assertj.core.groups.Tuple.tuple('R', "modules/web/pom.xml", "web/pom.xml"),
                                org.assertj.core.groups.Tuple.tuple('R', "modules/web/src/org/ex/Handler.java",
                                        "web/src/org/ex/Handler.java"));
            }
            FileTouch parser = lastCommit(repo, true).get(1);
            assertThat(parser.added()).isEqualTo(1);
            assertThat(parser.removed()).isEqualTo(1);
        }
    }

    @Test
    void aSharedNameAloneIsNoRename(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("old/Util.java", javaFile("org.old", "Util", 10)).commit("Ann", "ann@x.org", "start");
            // same name, unrelated content: a deletion and an addition, not a rename
            repo.delete("old/Util.java").write("fresh/Util.java", "# notes\n" + "unrelated line\n".repeat(3)
                    + "nothing in common with the old file\n").commit("Ben", "ben@x.org", "replace");
            assertThat(lastCommit(repo, false)).extracting(FileTouch::kind, FileTouch::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple('A', "fresh/Util.java"),
                            org.assertj.core.groups.Tuple.tuple('D', "old/Util.java"));
        }
    }

    @Test
    void aRenameThatChangesTheNameIsStillFoundByContent(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("src/Reader.java", javaFile("org.ex", "Reader", 15)).commit("Ann", "ann@x.org", "start");
            repo.delete("src/Reader.java").write("src/Loader.java", javaFile("org.ex", "Reader", 15))
                    .commit("Ben", "ben@x.org", "rename");
            assertThat(lastCommit(repo, false)).extracting(FileTouch::kind, FileTouch::path, FileTouch::oldPath)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple('R', "src/Loader.java", "src/Reader.java"));
        }
    }
}
