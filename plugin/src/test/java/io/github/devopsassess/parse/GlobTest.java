package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starsQuestionMarksAndAlternatives() {
        assertThat(Glob.of("k8s/*.yaml").matches("k8s/deploy.yaml")).isTrue();
        assertThat(Glob.of("k8s/*.yaml").matches("k8s/prod/deploy.yaml")).isFalse();
        assertThat(Glob.of("**/deploy.yaml").matches("deploy.yaml")).isTrue();
        assertThat(Glob.of("**/deploy.yaml").matches("a/b/deploy.yaml")).isTrue();
        assertThat(Glob.of("docs/**").matches("docs/a/b.md")).isTrue();
        assertThat(Glob.of("**/.env*").matches("config/.env.production")).isTrue();
        assertThat(Glob.of("values-{dev,prod}.yaml").matches("values-prod.yaml")).isTrue();
        assertThat(Glob.of("values-{dev,prod}.yaml").matches("values-test.yaml")).isFalse();
        assertThat(Glob.of("v?.json").matches("v1.json")).isTrue();
        assertThat(Glob.of("a+b(c).yaml").matches("a+b(c).yaml")).isTrue();
    }

    @Test
    void malformedGlobsAreExplained() {
        assertThatThrownBy(() -> Glob.of("docs/{a,b")).hasMessage("'{' without '}' in glob 'docs/{a,b'");
        assertThatThrownBy(() -> Glob.of("docs/a}")).hasMessage("'}' without '{' in glob 'docs/a}'");
    }
}
