package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void offsetsMapToTheirLinesAcrossManyLines() {
        StringBuilder text = new StringBuilder("a\r\nbb\n\n");
        for (int i = 0; i < 40; i++) { // more lines than the first allocation holds
            text.append("line ").append(i).append('\n');
        }
        LineIndex lines = LineIndex.of(text.toString());
        assertThat(lines.lineAt(0)).isEqualTo(1);
        assertThat(lines.lineAt(2)).as("the \\n ends line 1").isEqualTo(1);
        assertThat(lines.lineAt(3)).isEqualTo(2);
        assertThat(lines.lineAt(6)).as("an empty line").isEqualTo(3);
        assertThat(lines.lineAt(text.indexOf("line 39"))).isEqualTo(43);
        assertThat(lines.lineAt(text.length())).as("the end of the text").isEqualTo(44);
    }
}
