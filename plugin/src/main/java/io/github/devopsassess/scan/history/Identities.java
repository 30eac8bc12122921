package io.github.devopsassess.scan.history;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The team's own list of aliases, applied after {@code .mailmap}: one person, many names and e-mails.
 *
 * <pre>
 * alice@example.org:            # the person (an e-mail or a name)
 *   - alice@old-company.example # other e-mails
 *   - "Alice S."                # other names
 * </pre>
 *
 * Matching is case-insensitive, for e-mails and names alike.
 */
public final class Identities {

    private final Map<String, String> aliasToPerson;

    private Identities(Map<String, String> aliasToPerson) {
        this.aliasToPerson = Map.copyOf(aliasToPerson);
    }

    public static Identities none() {
        return new Identities(Map.of());
    }

    /** Parses the file; problems (not a mapping, an alias that is not a string) are recorded and skipped. */
    public static Identities parse(String path, String text, Facts.Builder facts) {
        YamlReader.Result read = new YamlReader().read(path, text);
        read.problem().ifPresent(facts::problem);
        Optional<YamlNode.Mapping> root = read.first().flatMap(YamlNode::asMapping);
        if (root.isEmpty()) {
            if (read.problem().isEmpty() && read.first().isPresent()) {
                facts.problem(path, read.first().get().line(), "expected a mapping of person to a list of aliases");
            }
            return none();
        }
        Map<String, String> aliases = new HashMap<>();
        for (String person : root.get().keys()) {
            String canonical = person.trim();
            aliases.put(lower(canonical), canonical);
            YamlNode value = root.get().get(person).orElseThrow();
            if (value.text() != null) {
                aliases.put(lower(value.text()), canonical); // a single alias written as a scalar
                continue;
            }
            if (value.asSequence().isEmpty()) {
                facts.problem(path, root.get().lineOf(person), "the aliases of '" + person + "' should be a list");
                continue;
            }
            for (YamlNode alias : value.asSequence().get().items()) {
                if (alias.text() == null || alias.text().isBlank()) {
                    facts.problem(path, alias.line(), "an alias of '" + person + "' is not a name or an e-mail");
                } else {
                    aliases.put(lower(alias.text()), canonical);
                }
            }
        }
        return new Identities(aliases);
    }

    /** Every alias and person the file names, lower-cased, sorted. */
    public java.util.SortedSet<String> aliases() {
        return new java.util.TreeSet<>(aliasToPerson.keySet());
    }

    /** The person an e-mail or name belongs to, checking the e-mail first; empty when the file does not say. */
    public Optional<String> personOf(String name, String email) {
        String byEmail = email == null || email.isBlank() ? null : aliasToPerson.get(lower(email));
        if (byEmail != null) {
            return Optional.of(byEmail);
        }
        return Optional.ofNullable(name == null ? null : aliasToPerson.get(lower(name)));
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
