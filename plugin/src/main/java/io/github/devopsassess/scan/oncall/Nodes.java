package io.github.devopsassess.scan.oncall;

import io.github.devopsassess.parse.YamlNode;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Small accessors over {@link YamlNode} shared by the vendor readers: one field may have several spellings
 * (snake_case in Terraform and YAML, camelCase in Opsgenie's API), and Terraform values that could not be resolved
 * carry the tag {@code !unknown} or stay as reference text such as {@code var.users}.
 */
final class Nodes {

    static final String UNKNOWN_TAG = "!unknown";

    /** The address Terraform values keep when a local, a variable, a loop variable or a module output cannot be resolved. */
    private static final Pattern UNRESOLVED = Pattern.compile("^(var|local|each|module|count|path|terraform)\\.[\\w.\\-]*$");

    private Nodes() {
    }

    static Optional<YamlNode> get(YamlNode.Mapping m, String... keys) {
        for (String k : keys) {
            Optional<YamlNode> v = m.get(k);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    static boolean has(YamlNode.Mapping m, String... keys) {
        return get(m, keys).isPresent();
    }

    /** A known text value (not null, not an unresolved expression). */
    static Optional<String> text(YamlNode.Mapping m, String... keys) {
        return get(m, keys).flatMap(Nodes::known);
    }

    static Optional<String> known(YamlNode n) {
        if (n == null || UNKNOWN_TAG.equals(n.tag()) || n.text() == null) {
            return Optional.empty();
        }
        String t = n.text().trim();
        return UNRESOLVED.matcher(t).matches() ? Optional.empty() : Optional.of(t);
    }

    static Optional<Long> number(YamlNode.Mapping m, String... keys) {
        return text(m, keys).flatMap(Nodes::parseLong);
    }

    static Optional<Long> parseLong(String t) {
        try {
            return Optional.of(Math.round(Double.parseDouble(t)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Nested blocks: one mapping, or a list of mappings. */
    static List<YamlNode.Mapping> blocks(YamlNode.Mapping m, String... keys) {
        List<YamlNode.Mapping> out = new ArrayList<>();
        get(m, keys).ifPresent(n -> {
            n.asMapping().ifPresent(out::add);
            n.asSequence().ifPresent(s -> s.items().forEach(i -> i.asMapping().ifPresent(out::add)));
        });
        return out;
    }

    static List<YamlNode> list(YamlNode.Mapping m, String... keys) {
        return get(m, keys).map(n -> n.asSequence().map(YamlNode.Sequence::items)
                .orElse(n.asMapping().isPresent() ? List.of(n) : List.of())).orElse(List.of());
    }

    static boolean unknown(YamlNode.Mapping m, String key) {
        YamlNode n = m.get(key).orElse(null);
        return n != null && (UNKNOWN_TAG.equals(n.tag()) || (n.text() == null && n.asSequence().isEmpty()
                && n.asMapping().isEmpty()) || (n.text() != null && known(n).isEmpty()));
    }

    static int line(YamlNode.Mapping m, String... keys) {
        for (String k : keys) {
            if (m.keyLines().containsKey(k)) {
                return m.lineOf(k);
            }
        }
        return m.line();
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A Terraform reference such as {@code pagerduty_schedule.primary.id} as the address of what it names. */
    static String address(String ref) {
        if (ref == null) {
            return null;
        }
        return ref.endsWith(".id") ? ref.substring(0, ref.length() - 3) : ref;
    }
}
