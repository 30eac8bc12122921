package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.ImageRef;
import static io.github.devopsassess.scan.environment.EnvironmentFixtures.definitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.facts.Facts;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeAndHelmTest {

    @Test
    void componentLayoutWithNestedBaseAndOverlaysLayout(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("kustomize", dir);

        EnvironmentDefinition prod = definitions(facts, "kustomize", "production").stream()
                .filter(d -> d.family().equals("components/shop")).findFirst().orElseThrow();
        assertThat(prod.path()).isEqualTo("components/shop/production/base/kustomization.yaml");
        assertThat(prod.images()).extracting(ImageRef::slot, ImageRef::version, ImageRef::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("quay.io/example/shop", "3333333333333333333333333333333333333333",
                        9),
                org.assertj.core.groups.Tuple.tuple("quay.io/example/shop-init", "sha256:aaaa", 11));
        assertThat(prod.remotes()).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo("https://github.com/example/shop-operator/config/default");
            assertThat(r.ref()).isEqualTo("3333333333333333333333333333333333333333");
            assertThat(r.line()).isEqualTo(5);
        });
        // the replicas and resources a simple patch sets
        assertThat(prod.settings()).extracting(Setting::displayKey, Setting::value).contains(
                org.assertj.core.groups.Tuple.tuple("patch.Deployment/shop.spec.replicas", "3"),
                org.assertj.core.groups.Tuple.tuple(
                        "patch.Deployment/shop.spec.template.spec.containers[0].resources.limits.memory", "1Gi"));

        EnvironmentDefinition dev = definitions(facts, "kustomize", "development").stream()
                .filter(d -> d.family().equals("components/shop")).findFirst().orElseThrow();
        assertThat(dev.settings()).extracting(Setting::displayKey)
                .contains("configMapGenerator.shop-config.SHOP_ALLOWED_ORIGINS");

        EnvironmentDefinition base = definitions(facts, "kustomize", EnvironmentDefinition.BASE).stream()
                .filter(d -> d.family().equals("components/shop")).findFirst().orElseThrow();
        Setting password = base.settings().stream().filter(s -> s.displayKey().endsWith("DB_PASSWORD")).findFirst()
                .orElseThrow();
        assertThat(password.literalCredential()).isTrue();
        assertThat(password.value()).isEqualTo(Setting.MASKED);
        // everything in a secretGenerator is masked, but only credential-looking keys count as credentials
        Setting host = base.settings().stream().filter(s -> s.displayKey().endsWith("DB_HOST")).findFirst()
                .orElseThrow();
        assertThat(host.value()).isEqualTo(Setting.MASKED);
        assertThat(host.literalCredential()).isFalse();

        // overlays/<env>/ layout, replicas and helmCharts
        EnvironmentDefinition cartProd = definitions(facts, "kustomize", "production").stream()
                .filter(d -> d.family().equals("apps/cart")).findFirst().orElseThrow();
        assertThat(cartProd.settings()).extracting(Setting::key, Setting::value)
                .contains(org.assertj.core.groups.Tuple.tuple("replicas.cart", "4"));
        assertThat(cartProd.images()).extracting(ImageRef::slot, ImageRef::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chart:redis", "17.3.0"));
    }

    @Test
    void helmValuesInEveryNamingStyleIncludingTemplates(@TempDir Path dir) {
        Facts facts = EnvironmentFixtures.scan("helm", dir);

        assertThat(EnvironmentFixtures.environments(facts).definitions())
                .extracting(EnvironmentDefinition::path, EnvironmentDefinition::environment)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("charts/api/values.yaml", ""),
                        org.assertj.core.groups.Tuple.tuple("charts/api/values/prod.yaml", "production"),
                        org.assertj.core.groups.Tuple.tuple("charts/shop/values.yaml", ""),
                        org.assertj.core.groups.Tuple.tuple("charts/shop/values-dev.yaml", "development"),
                        org.assertj.core.groups.Tuple.tuple("charts/shop/staging.values.yaml", "pre-production"),
                        org.assertj.core.groups.Tuple.tuple("charts/shop/values.prod.yaml", "production"),
                        org.assertj.core.groups.Tuple.tuple("charts/shop/values.uat.template.yaml",
                                "pre-production"));
        assertThat(facts.problems()).isEmpty();

        EnvironmentDefinition staging = definitions(facts, "helm", "pre-production").stream()
                .filter(d -> d.path().endsWith("staging.values.yaml")).findFirst().orElseThrow();
        assertThat(staging.images()).singleElement().satisfies(i -> {
            assertThat(i.reference()).isEqualTo("registry.example.com/shop:1.4.0-staging");
            assertThat(i.line()).isEqualTo(6);
        });
        // YAML merge keys from anchors are applied
        assertThat(staging.settings()).extracting(Setting::key).contains("autoscaling.minreplicas");

        EnvironmentDefinition uat = definitions(facts, "helm", "pre-production").stream()
                .filter(d -> d.path().endsWith("template.yaml")).findFirst().orElseThrow();
        // a templated password is a placeholder, not a committed credential; lines still match the file
        Setting password = uat.settings().stream().filter(s -> s.key().equals("database.password")).findFirst()
                .orElseThrow();
        assertThat(password.literalCredential()).isFalse();
        assertThat(password.line()).isEqualTo(9);
        assertThat(uat.images()).isEmpty();

        EnvironmentDefinition api = definitions(facts, "helm", "production").stream()
                .filter(d -> d.family().equals("charts/api")).findFirst().orElseThrow();
        assertThat(api.images()).extracting(ImageRef::reference).containsExactly("ghcr.io/example/api:2.0.0");
    }
}
