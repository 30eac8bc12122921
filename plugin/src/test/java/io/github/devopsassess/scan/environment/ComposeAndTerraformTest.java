package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.DevSetup;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.ImageRef;
import io.github.devopsassess.facts.environment.Setting;
import static io.github.devopsassess.scan.environment.EnvironmentFixtures.definitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeAndTerraformTest {

    @Test
    void composeBaseOverridesProfilesAndEnvFiles(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("compose", dir);

        EnvironmentDefinition base = definitions(facts, "compose", "").get(0);
        assertThat(base.images()).extracting(ImageRef::slot, ImageRef::reference).containsExactly(
                tuple("app", "registry.example.com/shop:1.4.0"), tuple("db", "postgres:16.2"));
        assertThat(base.settings()).extracting(Setting::displayKey, Setting::path).contains(
                tuple("services.app.environment.LOG_LEVEL", "docker-compose.yml"),
                tuple("services.app.environment.FEATURE_FLAGS", "app.env"),
                tuple("services.db.environment.POSTGRES_USER", "docker-compose.yml"));
        Setting password = base.settings().stream().filter(s -> s.displayKey().endsWith("POSTGRES_PASSWORD"))
                .findFirst().orElseThrow();
        assertThat(password.literalCredential()).as("${POSTGRES_PASSWORD} is a placeholder").isFalse();

        // docker-compose.override.yml is what `docker compose up` applies locally: development
        assertThat(definitions(facts, "compose", "development")).extracting(EnvironmentDefinition::path)
                .containsExactly("docker-compose.override.yml");
        // docker-compose.prod.yml and the service with profiles: [prod]
        assertThat(definitions(facts, "compose", "production")).extracting(EnvironmentDefinition::path,
                EnvironmentDefinition::name).containsExactlyInAnyOrder(tuple("docker-compose.prod.yml", "prod"),
                        tuple("docker-compose.yml", "prod"));
        assertThat(EnvironmentFixtures.environments(facts).devSetups()).extracting(DevSetup::kind).contains("compose");
    }

    @Test
    void tfvarsEnvironmentFoldersAndTerragruntInputs(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("terraform", dir);

        EnvironmentDefinition prod = definitions(facts, "terraform", "production").stream()
                .filter(d -> d.path().equals("environments/prod/terraform.tfvars")).findFirst()
                .orElseThrow();
        assertThat(prod.family()).isEqualTo("");
        assertThat(prod.settings()).extracting(Setting::key, Setting::value, Setting::line).containsExactly(
                tuple("instancetype", "m5.large", 2), tuple("replicas", "3", 3),
                tuple("tags", "{ team = \"shop\" tier = \"prod\" }", 4),
                tuple("allowedcidrs", "[\"10.0.0.0/8\"]", 8));
        // a folder with Terraform but no variables still defines the environment
        assertThat(definitions(facts, "terraform", "pre-production")).extracting(EnvironmentDefinition::path)
                .containsExactly("environments/staging/main.tf");
        assertThat(definitions(facts, "terraform", "development")).singleElement()
                .satisfies(d -> assertThat(d.settings()).extracting(Setting::key).containsExactly("instancetype"));
        assertThat(definitions(facts, "terraform", "production")).extracting(EnvironmentDefinition::path)
                .contains("vars/terraform.prod.tfvars", "live/env/prod/terragrunt.hcl");
        EnvironmentDefinition terragrunt = definitions(facts, "terraform", "production").stream()
                .filter(d -> d.path().endsWith("terragrunt.hcl")).findFirst().orElseThrow();
        assertThat(terragrunt.settings()).extracting(Setting::key, Setting::literalCredential, Setting::line)
                .containsExactly(tuple("inputs.instancetype", false, 6), tuple("inputs.dbpassword", true, 7));
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void tfvarsMapsListsAndHeredocsAreReadWhole(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("prod.tfvars"), """
                # Production
                region = "eu-west-1"
                tags = {
                  team = "shop" # owner
                  "cost centre" = 42
                }
                zones = [
                  "a",
                  "b", # trailing comma
                ]
                motd = <<-EOT
                  Maintenance window: Sunday
                  EOT
                db_password = "tfvars-Secret-9"
                replicas    = var.replicas
                """);
        Files.writeString(dir.resolve("dev.tfvars"), """
                region = "eu-west-1"
                tags   = { team = "shop", "cost centre" = 42 }
                zones  = ["a", "b"]
                """);
        Facts facts = EnvironmentFixtures.scanFolder(dir, Facts.builder());

        EnvironmentDefinition prod = definitions(facts, "terraform", "production").get(0);
        assertThat(prod.settings()).extracting(Setting::displayKey, Setting::value, Setting::line).containsExactly(
                tuple("region", "eu-west-1", 2),
                tuple("tags", "{ team = \"shop\" \"cost centre\" = 42 }", 3),
                tuple("zones", "[\"a\", \"b\"]", 7),
                tuple("motd", "Maintenance window: Sunday", 11),
                tuple("db_password", Setting.MASKED, 14),
                tuple("replicas", "var.replicas", 15));
        assertThat(prod.settings()).filteredOn(s -> s.displayKey().equals("db_password")).singleElement()
                .satisfies(s -> assertThat(s.literalCredential()).isTrue());
        EnvironmentDefinition dev = definitions(facts, "terraform", "development").get(0);
        assertThat(dev.settings()).extracting(Setting::value).as("comments and line breaks are no difference")
                .containsExactly("eu-west-1", "{ team = \"shop\" \"cost centre\" = 42 }", "[\"a\", \"b\"]");
        assertThat(facts.problems()).isEmpty();
    }
}
