package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.Setting;
import static io.github.devopsassess.scan.environment.EnvironmentFixtures.definitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringProfilesTest {

    private static final String CONFIG = "src/main/resources/config/";

    @Test
    void profileFilesAndActivatedDocumentsBecomeEnvironments(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("spring", dir);

        // application-dev.yml and application-prod.yml under config/, application-staging.properties beside it:
        // one family, because src/main/resources and its config/ folder configure the same application
        assertThat(EnvironmentFixtures.environments(facts).definitions()).extracting(EnvironmentDefinition::family)
                .containsOnly("src/main/resources");
        assertThat(EnvironmentFixtures.environments(facts).environments())
                .containsExactly("development", "pre-production", "production");
        // the tls profile is a feature switch, not an environment
        assertThat(EnvironmentFixtures.environments(facts).definitions()).extracting(EnvironmentDefinition::name)
                .doesNotContain("tls");

        // spring.config.activate.on-profile and the legacy spring.profiles assign documents of application.yml
        List<EnvironmentDefinition> staging = definitions(facts, "spring", "pre-production");
        assertThat(staging).extracting(EnvironmentDefinition::path)
                .containsExactlyInAnyOrder(CONFIG + "application.yml", "src/main/resources/application-staging.properties");
        EnvironmentDefinition stagingDoc = staging.stream().filter(d -> d.path().endsWith(".yml")).findFirst()
                .orElseThrow();
        assertThat(stagingDoc.line()).isEqualTo(17);
        assertThat(keys(stagingDoc)).containsEntry("feature.newcheckout", "true");
        assertThat(keys(stagingDoc)).doesNotContainKey("spring.config.activate.onprofile");

        List<EnvironmentDefinition> prod = definitions(facts, "spring", "production");
        assertThat(prod).extracting(EnvironmentDefinition::path).contains(CONFIG + "application.yml",
                CONFIG + "application-prod.yml", "src/main/resources/application-staging.properties");
        // a negated profile ("!prod") belongs to no single environment
        assertThat(EnvironmentFixtures.environments(facts).definitions()).flatExtracting(EnvironmentDefinition::settings)
                .extracting(Setting::key).doesNotContain("debugendpoints");
    }

    @Test
    void nestedYamlIsFlattenedWithLinesAndMergeKeys(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("spring", dir);
        EnvironmentDefinition base = definitions(facts, "spring", EnvironmentDefinition.BASE).get(0);
        Setting pool = base.settings().stream().filter(s -> s.displayKey().equals("spring.datasource.hikari.max-size"))
                .findFirst().orElseThrow();
        assertThat(pool.value()).isEqualTo("10");
        assertThat(pool.line()).isEqualTo(3); // the anchor's key line: where the value is written

        EnvironmentDefinition dev = definitions(facts, "spring", "development").get(0);
        Setting methods = dev.settings().stream().filter(s -> s.key().equals("cors.allowedmethods")).findFirst()
                .orElseThrow();
        assertThat(methods.value()).isEqualTo("[GET, POST]");
        assertThat(methods.line()).isEqualTo(15);
    }

    @Test
    void relaxedBindingMakesKebabCamelAndUpperSnakeTheSameKey(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("spring", dir);
        EnvironmentDefinition dev = definitions(facts, "spring", "development").get(0);
        EnvironmentDefinition prod = definitions(facts, "spring", "production").stream()
                .filter(d -> d.path().endsWith("application-prod.yml")).findFirst().orElseThrow();
        EnvironmentDefinition staging = definitions(facts, "spring", "pre-production").stream()
                .filter(d -> d.path().endsWith(".properties")).findFirst().orElseThrow();

        assertThat(keys(dev)).containsKey("cache.timetolive");      // timeToLive
        assertThat(keys(prod)).containsKey("cache.timetolive");     // time-to-live
        assertThat(keys(staging)).containsEntry("cache.timetolive", "600"); // CACHE.TIME_TO_LIVE
        assertThat(keys(staging)).containsEntry("long.value", "first second");
        Setting origins = staging.settings().stream().filter(s -> s.key().equals("cors.allowedorigins")).findFirst()
                .orElseThrow();
        assertThat(origins.value()).isEqualTo("https://staging.example.com");
        assertThat(origins.line()).isEqualTo(5);
    }

    private static Map<String, String> keys(EnvironmentDefinition d) {
        return d.settings().stream().collect(Collectors.toMap(Setting::key, Setting::value, (a, b) -> a));
    }
}
