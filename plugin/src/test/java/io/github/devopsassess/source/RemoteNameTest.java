package io.github.devopsassess.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The repository's name on its forge, from the forms an {@code origin} URL takes. */
class RemoteNameTest {

    @Test
    void httpsSshAndScpLikeUrlsGiveThePathAfterTheHost() {
        assertThat(GitRepository.nameOf("https://github.com/acme/shop.git")).contains("acme/shop");
        assertThat(GitRepository.nameOf("https://github.com/acme/shop")).contains("acme/shop");
        assertThat(GitRepository.nameOf("https://token@github.com/acme/shop/")).contains("acme/shop");
        assertThat(GitRepository.nameOf("git@github.com:acme/shop.git")).contains("acme/shop");
        assertThat(GitRepository.nameOf("ssh://git@gitlab.example.org:2222/group/sub/app.git"))
                .contains("group/sub/app");
    }

    @Test
    void aLocalPathOrNothingIsNoName() {
        assertThat(GitRepository.nameOf(null)).isEqualTo(Optional.empty());
        assertThat(GitRepository.nameOf("")).isEmpty();
        assertThat(GitRepository.nameOf("/srv/git/shop.git")).isEmpty();
        assertThat(GitRepository.nameOf("https://github.com/justahost")).isEmpty();
    }
}
