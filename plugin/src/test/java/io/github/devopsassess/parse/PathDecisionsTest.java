package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PathDecisionsTest {

    @Test
    void decidesEachPathOnceAndAnswersAsTheDecisionWould() {
        List<String> asked = new ArrayList<>();
        PathDecisions javaFiles = new PathDecisions(p -> {
            asked.add(p);
            return p.endsWith(".java");
        });
        for (int round = 0; round < 3; round++) {
            assertThat(javaFiles.test("src/A.java")).isTrue();
            assertThat(javaFiles.test("README.md")).isFalse();
        }
        assertThat(asked).containsExactly("src/A.java", "README.md");
    }

    @Test
    void staysBoundedAndCorrectPastItsLimit() {
        List<String> asked = new ArrayList<>();
        PathDecisions even = new PathDecisions(p -> {
            asked.add(p);
            return Integer.parseInt(p) % 2 == 0;
        });
        IntStream.range(0, 250_000).forEach(i -> assertThat(even.test(Integer.toString(i))).isEqualTo(i % 2 == 0));
        // the memory started over at least twice, so early paths are decided again, still correctly
        assertThat(even.test("0")).isTrue();
        assertThat(asked).hasSize(250_001);
    }
}
