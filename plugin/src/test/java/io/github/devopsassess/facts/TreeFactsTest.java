package io.github.devopsassess.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A repository of documents has nothing to build, test or update: pipeline checks do not apply to it. */
class TreeFactsTest {

    private static boolean documentsOnly(String... files) {
        return new TreeFacts("", List.of(files), "test").documentsOnly();
    }

    @Test
    void postmortemsLicenceAndAReportSavedWithoutItsExtensionAreDocuments() {
        assertThat(documentsOnly("README.md", "LICENSE", ".gitignore", "PM2021-001 - Logs not shipped.md",
                "PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues", "img/timeline.png")).isTrue();
    }

    @Test
    void anyCodeBuildOrConfigurationFileMakesItMoreThanDocuments() {
        assertThat(documentsOnly("README.md", "Makefile")).isFalse();
        assertThat(documentsOnly("README.md", "scripts/publish")).isFalse();
        assertThat(documentsOnly("README.md", "mkdocs.yml")).isFalse();
        assertThat(documentsOnly()).isFalse();
    }
}
