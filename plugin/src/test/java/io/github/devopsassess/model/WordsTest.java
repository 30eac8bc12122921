package io.github.devopsassess.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Words.plural(1, "person", "people")).isEqualTo("1 person");
        assertThat(Words.plural(0, "person", "people")).isEqualTo("0 people");
        assertThat(Words.plural(2, "owner", "owners")).isEqualTo("2 owners");
        assertThat(Words.noun(1, "gap", "gaps")).isEqualTo("gap");
        assertThat(Words.noun(12, "gap", "gaps")).isEqualTo("gaps");
    }
}
