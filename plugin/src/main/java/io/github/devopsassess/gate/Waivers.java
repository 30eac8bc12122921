package io.github.devopsassess.gate;

import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.model.Waiver;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code devops-waivers.yaml}: findings a team accepts for a while, each with a reason, an owner and an expiry date.
 * A waiver matches by {@code fingerprint}, or by {@code check} (an id or {@code *}) plus {@code path} (a glob over
 * the finding's evidence paths and subject).
 */
public final class Waivers {

    public static final Set<String> REASONS = Set.of("accepted-risk", "not-applicable", "false-positive");
    private static final Set<String> KEYS = Set.of("fingerprint", "check", "path", "reason", "owner", "expires");

    /** One waiver entry. {@code path} is {@code null} when the entry applies to any path. */
    public record Entry(String fingerprint, String check, String path, String reason, String owner, LocalDate expires,
            String source) {

        Waiver toWaiver() {
            return new Waiver(reason, owner, expires.toString(), source);
        }

        boolean matches(Finding f) {
            if (fingerprint != null) {
                return fingerprint.equalsIgnoreCase(f.fingerprint());
            }
            if (check != null && !"*".equals(check) && !check.equals(f.check())) {
                return false;
            }
            if (path == null || "**".equals(path) || "**/*".equals(path)) {
                return true;
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + path);
            for (Evidence e : f.evidence()) {
                if (e.path() != null && m.matches(Path.of(e.path()))) {
                    return true;
                }
            }
            return f.subject() != null && !f.subject().isBlank() && safeMatch(m, f.subject());
        }

        private static boolean safeMatch(PathMatcher m, String subject) {
            try {
                return m.matches(Path.of(subject));
            } catch (RuntimeException e) {
                return false; // a subject such as "prod <-> staging" is not a path
            }
        }
    }

    /** The entries that could be read and the problems of the others. */
    public record Loaded(List<Entry> entries, List<ParseProblem> problems) {
        public static Loaded none() {
            return new Loaded(List.of(), List.of());
        }
    }

    private Waivers() {
    }

    /**
     * @param name the file's name as shown in messages
     * @param text its content
     */
    public static Loaded parse(String name, String text) {
        YamlReader.Result read = new YamlReader().read(name, text);
        List<ParseProblem> problems = new ArrayList<>();
        read.problem().ifPresent(problems::add);
        YamlNode.Mapping root = read.first().flatMap(YamlNode::asMapping).orElse(null);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.add(new ParseProblem(name, 1, "expected a mapping with a 'waivers' list"));
            }
            return new Loaded(List.of(), problems);
        }
        for (String key : root.keys()) {
            if (!"waivers".equals(key)) {
                problems.add(new ParseProblem(name, root.lineOf(key), "unknown key '" + key + "' (expected 'waivers')"));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (YamlNode item : root.list("waivers")) {
            YamlNode.Mapping m = item.asMapping().orElse(null);
            if (m == null) {
                problems.add(new ParseProblem(name, item.line(), "a waiver must be a mapping"));
                continue;
            }
            Entry e = entry(name, m, problems);
            if (e != null) {
                entries.add(e);
            }
        }
        return new Loaded(entries, problems);
    }

    private static Entry entry(String name, YamlNode.Mapping m, List<ParseProblem> problems) {
        int before = problems.size();
        for (String key : m.keys()) {
            if (!KEYS.contains(key)) {
                problems.add(new ParseProblem(name, m.lineOf(key), "unknown waiver key '" + key + "'; known: "
                        + String.join(", ", KEYS.stream().sorted().toList())));
            }
        }
        String fingerprint = m.string("fingerprint").orElse(null);
        String check = m.string("check").orElse(null);
        if (fingerprint == null && check == null) {
            problems.add(new ParseProblem(name, m.line(), "a waiver needs a 'fingerprint', or a 'check' (an id or"
                    + " \"*\") with an optional 'path' glob"));
        }
        String reason = m.string("reason").orElse(null);
        if (reason == null || !REASONS.contains(reason)) {
            problems.add(new ParseProblem(name, m.lineOf("reason"), "'reason' must be one of accepted-risk,"
                    + " not-applicable, false-positive" + (reason == null ? "" : ", not '" + reason + "'")));
        }
        String owner = m.string("owner").filter(s -> !s.isBlank()).orElse(null);
        if (owner == null) {
            problems.add(new ParseProblem(name, m.line(), "'owner' is required: who revisits this waiver"));
        }
        LocalDate expires = null;
        String date = m.string("expires").orElse(null);
        if (date == null) {
            problems.add(new ParseProblem(name, m.line(), "'expires' (yyyy-mm-dd) is required: a waiver is never"
                    + " forever"));
        } else {
            try {
                expires = LocalDate.parse(date.trim().length() > 10 ? date.trim().substring(0, 10) : date.trim());
            } catch (DateTimeParseException e) {
                problems.add(new ParseProblem(name, m.lineOf("expires"), "'expires' must be a date yyyy-mm-dd, not '"
                        + date + "'"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Entry(fingerprint, check, m.string("path").orElse(null), reason, owner, expires,
                name + ":" + m.line());
    }

    /** The findings with the waivers that apply on {@code today}; expired waivers apply to nothing. */
    public static List<Finding> apply(List<Finding> findings, List<Entry> entries, LocalDate today) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding result = f.withWaiver(null); // a waiver read back from an older assessment.json is re-judged
            for (Entry e : entries) {
                if (!e.expires().isBefore(today) && e.matches(f)) {
                    result = result.withWaiver(e.toWaiver());
                    break;
                }
            }
            out.add(result);
        }
        return out;
    }

    public static List<Entry> expired(List<Entry> entries, LocalDate today) {
        return entries.stream().filter(e -> e.expires().isBefore(today)).toList();
    }
}
