package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailmapTest {

    private final Mailmap map = Mailmap.parse(String.join("\n",
            "# gitmailmap(5) forms",
            "Proper Name <commit@example.org>",
            "<proper@example.org> <old@example.org>",
            "Joe Dev <joe@example.org> <joe@laptop.local>",
            "Jane <jane@example.org> Jane Typo <JANE@Example.org>",
            "this line is not mailmap syntax",
            ""));

    @Test
    void nameOnlyFormReplacesTheNameAndKeepsTheEmail() {
        assertThat(map.map("proper name typo", "commit@example.org"))
                .containsExactly("Proper Name", "commit@example.org");
    }

    @Test
    void emailOnlyFormReplacesTheEmailAndKeepsTheName() {
        assertThat(map.map("Old Self", "old@example.org")).containsExactly("Old Self", "proper@example.org");
    }

    @Test
    void nameAndEmailFormReplacesBoth() {
        assertThat(map.map("joe", "joe@laptop.local")).containsExactly("Joe Dev", "joe@example.org");
    }

    @Test
    void emailsMatchCaseInsensitivelyAndCommitNamesExactly() {
        assertThat(map.map("Jane Typo", "jane@EXAMPLE.org")).containsExactly("Jane", "jane@example.org");
        assertThat(map.map("Someone Else", "jane@example.org")).containsExactly("Someone Else", "jane@example.org");
        assertThat(map.map("Joe", "JOE@LAPTOP.LOCAL")).containsExactly("Joe Dev", "joe@example.org");
    }

    @Test
    void unknownIdentitiesAndEmptyMapsPassThrough() {
        assertThat(map.map("Nobody", "nobody@x.org")).containsExactly("Nobody", "nobody@x.org");
        assertThat(Mailmap.empty().map("A", "a@x.org")).containsExactly("A", "a@x.org");
    }
}
