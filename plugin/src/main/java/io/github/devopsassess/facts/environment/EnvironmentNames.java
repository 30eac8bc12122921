package io.github.devopsassess.facts.environment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Normalises environment names so that {@code prod}, {@code prd} and {@code live} are compared as one environment.
 * The list is documented in docs/inputs.adoc; a name that is not in it is not taken for an environment when only the name
 * could say so (a Spring profile {@code tls}, a Helm file {@code values-minikube.yaml}), and is kept as written when
 * the layout says it is one ({@code overlays/eu-west/}).
 */
public final class EnvironmentNames {

    public static final String PRODUCTION = "production";
    public static final String PRE_PRODUCTION = "pre-production";
    public static final String TEST = "test";
    public static final String DEVELOPMENT = "development";

    /** Every recognised alias and the environment it means. */
    public static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("prod", PRODUCTION), Map.entry("production", PRODUCTION), Map.entry("prd", PRODUCTION),
            Map.entry("live", PRODUCTION),
            Map.entry("stage", PRE_PRODUCTION), Map.entry("staging", PRE_PRODUCTION), Map.entry("stg", PRE_PRODUCTION),
            Map.entry("preprod", PRE_PRODUCTION), Map.entry("pre-prod", PRE_PRODUCTION),
            Map.entry("preproduction", PRE_PRODUCTION), Map.entry("pre-production", PRE_PRODUCTION),
            Map.entry("uat", PRE_PRODUCTION),
            Map.entry("test", TEST), Map.entry("testing", TEST), Map.entry("tst", TEST), Map.entry("qa", TEST),
            Map.entry("dev", DEVELOPMENT), Map.entry("develop", DEVELOPMENT), Map.entry("development", DEVELOPMENT),
            Map.entry("local", DEVELOPMENT));

    private EnvironmentNames() {
    }

    /**
     * The environment a name means, if it is a known alias or starts with one ({@code prod-eu} → production).
     */
    public static Optional<String> known(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        String exact = ALIASES.get(n);
        if (exact != null) {
            return Optional.of(exact);
        }
        String first = n.split("[-_.]", 2)[0];
        return Optional.ofNullable(ALIASES.get(first));
    }

    /** The normalised name, or the name itself lower-cased when it is not a known alias. */
    public static String normalise(String name) {
        return known(name).orElse(name.trim().toLowerCase(Locale.ROOT));
    }
}
