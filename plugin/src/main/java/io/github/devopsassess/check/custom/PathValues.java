package io.github.devopsassess.check.custom;

import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.rubric.CustomCondition.Operator;
import io.github.devopsassess.rubric.CustomCondition.Requirement;
import io.github.devopsassess.facts.environment.Keys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tiny path language of {@code yaml-path} and {@code json-path} checks: dotted keys ({@code spec.replicas}),
 * list positions ({@code containers[0]} or {@code containers.0}) and {@code *} for every item or value, which all must
 * satisfy the requirement.
 */
final class PathValues {

    /**
     * One value the path reached, or the place where it stopped.
     *
     * @param where the path as far as it went, with concrete positions ({@code spec.containers.1.image})
     * @param node the value, or {@code null} when the path is missing
     * @param line line of the value, or of the deepest part of the path that exists
     */
    record Match(String where, YamlNode node, int line) {
    }

    /**
     * A value that does not satisfy the requirement.
     *
     * @param line where to look
     * @param explanation what is wrong ("spec.replicas is 1")
     */
    record Violation(int line, String explanation) {
    }

    private PathValues() {
    }

    static List<Match> resolve(YamlNode root, List<String> path) {
        List<Match> out = new ArrayList<>();
        walk(root, path, 0, "", out);
        return out;
    }

    private static void walk(YamlNode node, List<String> path, int i, String where, List<Match> out) {
        if (i == path.size()) {
            out.add(new Match(where.isEmpty() ? "$" : where, node, node.line()));
            return;
        }
        String segment = path.get(i);
        String prefix = where.isEmpty() ? "" : where + ".";
        if (segment.equals("*")) {
            if (node instanceof YamlNode.Sequence s) {
                for (int k = 0; k < s.items().size(); k++) {
                    walk(s.items().get(k), path, i + 1, prefix + k, out);
                }
            } else if (node instanceof YamlNode.Mapping m) {
                for (String key : m.keys()) {
                    walk(m.get(key).orElseThrow(), path, i + 1, prefix + key, out);
                }
            } else {
                out.add(new Match(prefix + "*", null, node.line()));
            }
            return;
        }
        YamlNode next = null;
        if (node instanceof YamlNode.Mapping m) {
            next = m.get(segment).orElse(null);
        } else if (node instanceof YamlNode.Sequence s && segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            next = index < s.items().size() ? s.items().get(index) : null;
        }
        if (next == null) {
            out.add(new Match(prefix + String.join(".", path.subList(i, path.size())), null, node.line()));
            return;
        }
        walk(next, path, i + 1, prefix + segment, out);
    }

    /** Every value of the document that does not satisfy the requirement. */
    static List<Violation> violations(YamlNode document, Requirement requirement) {
        List<Violation> violations = new ArrayList<>();
        for (Match m : resolve(document, requirement.path())) {
            String problem = check(m, requirement);
            if (problem != null) {
                violations.add(new Violation(m.line(), problem));
            }
        }
        return violations;
    }

    private static String check(Match m, Requirement r) {
        if (m.node() == null) {
            return r.operator() == Operator.NE ? null : m.where() + " is missing";
        }
        String text = m.node().text();
        if (!r.compares()) {
            boolean truthy = !(m.node() instanceof YamlNode.Scalar) || (text != null && !text.equals("false"));
            return truthy ? null : m.where() + " is " + (text == null ? "empty" : shown(m.where(), text));
        }
        if (text == null) {
            return m.where() + " is " + (m.node() instanceof YamlNode.Scalar ? "empty" : m.node().kind())
                    + ", not a value to compare";
        }
        Double actual = number(text);
        Double expected = r.number().orElse(null);
        if (r.operator().ordering()) {
            if (actual == null) {
                return m.where() + " is " + quoted(m.where(), text) + ", not a number";
            }
            return r.operator().test(actual, expected) ? null : m.where() + " is " + shown(m.where(), text);
        }
        boolean equal = actual != null && expected != null ? actual.doubleValue() == expected.doubleValue()
                : text.equals(r.value());
        boolean ok = r.operator() == Operator.EQ ? equal : !equal;
        return ok ? null : m.where() + " is " + quoted(m.where(), text);
    }

    /** A credential found by a custom check is named by its key, never shown: findings go to reports and logs. */
    static final String HIDDEN = "a value that is not shown because it looks like a credential";

    /** Token shapes that are credentials whatever key holds them (GitHub, GitLab, Slack, AWS, private keys). */
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(gh[pousr]_|github_pat_|glpat-|xox[abpr]-|AKIA|ASIA|-----BEGIN)");

    private static String shown(String where, String text) {
        return looksSecret(where, text) ? HIDDEN : text;
    }

    private static String quoted(String where, String text) {
        return looksSecret(where, text) ? HIDDEN : "'" + text + "'";
    }

    private static boolean looksSecret(String where, String text) {
        for (String segment : where.split("\\.")) {
            if (!segment.chars().allMatch(Character::isDigit) && Keys.looksSecret(segment)) {
                return true;
            }
        }
        return CREDENTIAL_VALUE.matcher(text).find();
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
