package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.Keys;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot profiles: {@code application.yml} (the base) and {@code application-<profile>.properties|yml|yaml},
 * in any folder (usually {@code src/main/resources} or its {@code config/}), plus documents activated with
 * {@code spring.config.activate.on-profile} or the legacy {@code spring.profiles}. A profile that is not an
 * environment name ({@code tls}, {@code api-docs}) is a feature switch and is left out.
 */
final class SpringProfiles {

    static final String SYSTEM = "spring";

    private static final Pattern FILE = Pattern.compile("application(?:-([^./]+))?\\.(properties|ya?ml)");
    private static final List<String> ACTIVATION_KEYS = List.of("spring.config.activate.on-profile",
            "spring.profiles");

    private final Inputs in;

    SpringProfiles(Inputs in) {
        this.in = in;
    }

    void read(Consumer<EnvironmentDefinition> out) {
        for (String path : in.files()) {
            Matcher m = FILE.matcher(Inputs.fileName(path));
            if (!m.matches() || path.startsWith("src/test/") || path.contains("/src/test/")) {
                continue;
            }
            String fileProfile = m.group(1);
            in.text(path).ifPresent(text -> {
                List<Document> docs = "properties".equals(m.group(2)) ? properties(text, path) : yaml(text, path);
                emit(path, fileProfile, docs, out);
            });
        }
    }

    /** One document's settings and the line it starts at. */
    private record Document(List<Setting> settings, int line) {
    }

    private List<Document> yaml(String text, String path) {
        List<Document> docs = new ArrayList<>();
        for (YamlNode node : in.yaml(path, text)) {
            node.asMapping().ifPresent(mp -> docs.add(new Document(Flattener.flatten(mp, path), mp.line())));
        }
        return docs;
    }

    private static List<Document> properties(String text, String path) {
        List<Document> docs = new ArrayList<>();
        for (List<PropertiesText.Entry> entries : PropertiesText.documents(text)) {
            List<Setting> settings = new ArrayList<>();
            entries.forEach(e -> settings.add(Setting.of(e.key(), e.value(), path, e.line())));
            docs.add(new Document(settings, entries.isEmpty() ? 1 : entries.get(0).line()));
        }
        return docs;
    }

    private static void emit(String path, String fileProfile, List<Document> docs,
            Consumer<EnvironmentDefinition> out) {
        Map<String, List<Setting>> byProfile = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Document doc : docs) {
            List<String> profiles = activation(doc.settings()).orElse(fileProfile == null ? List.of("")
                    : List.of(fileProfile));
            List<Setting> settings = new ArrayList<>(doc.settings());
            settings.removeIf(s -> ACTIVATION_KEYS.stream().anyMatch(k -> Keys.relaxed(k).equals(s.key())));
            for (String profile : profiles) {
                byProfile.computeIfAbsent(profile, p -> new ArrayList<>()).addAll(settings);
                lines.putIfAbsent(profile, doc.line());
            }
        }
        String family = family(Inputs.folder(path));
        for (Map.Entry<String, List<Setting>> e : byProfile.entrySet()) {
            String profile = e.getKey();
            Optional<String> env = profile.isEmpty() ? Optional.of(EnvironmentDefinition.BASE)
                    : EnvironmentNames.known(profile);
            env.ifPresent(environment -> out.accept(new EnvironmentDefinition(SYSTEM, family,
                    profile.isEmpty() ? "default" : profile, environment, path, lines.get(profile), e.getValue(),
                    List.of(), List.of())));
        }
    }

    /** The profiles a document is activated for, empty when it has no activation (or only a negated one). */
    private static Optional<List<String>> activation(List<Setting> settings) {
        for (Setting s : settings) {
            if (ACTIVATION_KEYS.stream().noneMatch(k -> Keys.relaxed(k).equals(s.key()))) {
                continue;
            }
            String expr = s.value().replaceAll("[\\[\\]]", "");
            if (expr.contains("!")) {
                return Optional.of(List.of()); // "not prod" belongs to no single environment
            }
            List<String> names = new ArrayList<>();
            for (String token : expr.split("[,|&()\\s]+")) {
                if (!token.isBlank()) {
                    names.add(token.trim());
                }
            }
            return Optional.of(names);
        }
        return Optional.empty();
    }

    /** src/main/resources and src/main/resources/config hold one application's configuration. */
    private static String family(String folder) {
        if (folder.equals("config")) {
            return "";
        }
        return folder.endsWith("/config") ? folder.substring(0, folder.length() - "/config".length()) : folder;
    }
}
