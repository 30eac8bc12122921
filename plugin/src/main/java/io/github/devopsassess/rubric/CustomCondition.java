package io.github.devopsassess.rubric;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The condition of a custom check, written in the rubric without Java:
 *
 * <pre>
 * checks:
 *   runbook-present:
 *     area: incident-response
 *     type: file-exists
 *     files: [docs/runbook.md, docs/runbook.adoc]
 *   two-replicas:
 *     area: environment-parity
 *     type: yaml-path
 *     files: "k8s/**&#47;deployment.yaml"
 *     require: spec.replicas &gt;= 2
 * </pre>
 *
 * @param type what is examined
 * @param files globs relative to the assessed folder (file and path conditions), else empty
 * @param require what must hold, parsed; {@code null} for file conditions
 * @param message the finding message to use instead of the generated one, or ""
 */
public record CustomCondition(Type type, List<String> files, Requirement require, String message) {

    public CustomCondition {
        files = List.copyOf(files);
        message = message == null ? "" : message;
    }

    /** The kinds of condition; the id is what a rubric writes after {@code type:}. */
    public enum Type {
        /** At least one file matches one of the globs. */
        FILE_EXISTS("file-exists", true, false),
        /** No file matches any of the globs; each match is a finding. */
        FILE_ABSENT("file-absent", true, false),
        /** A value in every matching YAML file satisfies the requirement ({@code spec.replicas >= 2}). */
        YAML_PATH("yaml-path", true, true),
        /** The same over JSON files ({@code $.engines.node == 20}). */
        JSON_PATH("json-path", true, true),
        /** A predicate over the CI pipeline definitions ({@code defined}, {@code system == gitlab-ci}). */
        PIPELINE_JOB("pipeline-job", false, true),
        /** A git history metric compared with a number ({@code authors >= 3}). */
        HISTORY("history", false, true);

        private final String id;
        private final boolean needsFiles;
        private final boolean needsRequire;

        Type(String id, boolean needsFiles, boolean needsRequire) {
            this.id = id;
            this.needsFiles = needsFiles;
            this.needsRequire = needsRequire;
        }

        public String id() {
            return id;
        }

        public boolean needsFiles() {
            return needsFiles;
        }

        public boolean needsRequire() {
            return needsRequire;
        }

        public boolean readsFileContents() {
            return this == YAML_PATH || this == JSON_PATH;
        }

        public static Optional<Type> parse(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
        }

        public static List<String> ids() {
            return Arrays.stream(values()).map(Type::id).toList();
        }
    }

    /** The metrics a {@code history} condition can compare. */
    public static final List<String> HISTORY_METRICS = List.of("authors", "commits", "truck-factor");

    /**
     * The predicates a {@code pipeline-job} condition can use today. They work on the pipeline definitions the
     * pipeline scanner records; predicates about jobs (has-environment, has-gate, image-pinned) are added here when
     * the scanner records jobs.
     */
    public static final List<String> PIPELINE_PREDICATES = List.of("defined", "readable", "system");

    /** Comparison operators, longest first so that {@code <=} is not read as {@code <}. */
    public enum Operator {
        EQ("=="), NE("!="), LE("<="), GE(">="), LT("<"), GT(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code actual op expected} holds for two numbers. */
        public boolean test(double actual, double expected) {
            return switch (this) {
                case EQ -> actual == expected;
                case NE -> actual != expected;
                case LE -> actual <= expected;
                case GE -> actual >= expected;
                case LT -> actual < expected;
                case GT -> actual > expected;
            };
        }

        public boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    /**
     * A parsed {@code require:} text: a subject (a dotted path, a metric or a predicate), optionally compared with a
     * value. Without a comparison it means "exists and is not false" for a path, "holds" for a predicate.
     *
     * @param text the text as written
     * @param subject the dotted path, metric or predicate
     * @param path the subject split into path segments ({@code *} matches every item), for path conditions
     * @param operator the comparison, or {@code null}
     * @param value the value compared with (quotes removed), or {@code null}
     */
    public record Requirement(String text, String subject, List<String> path, Operator operator, String value) {

        public Requirement {
            path = List.copyOf(path);
        }

        public boolean compares() {
            return operator != null;
        }

        /** The value as a number, or empty when it is not one. */
        public Optional<Double> number() {
            try {
                return value == null ? Optional.empty() : Optional.of(Double.valueOf(value));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * Parses {@code subject [op value]}.
         *
         * @throws IllegalArgumentException with a message for the rubric's author
         */
        public static Requirement parse(String text) {
            String t = text == null ? "" : text.trim();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("'require' is empty; write e.g. 'spec.replicas >= 2'");
            }
            Operator op = null;
            int at = -1;
            for (int i = 0; i < t.length() && op == null; i++) {
                for (Operator o : Operator.values()) {
                    if (t.startsWith(o.symbol(), i)) {
                        op = o;
                        at = i;
                        break;
                    }
                }
                if (t.charAt(i) == '=' && op == null) {
                    throw new IllegalArgumentException("'=' in '" + t + "' is not an operator; use '=='");
                }
            }
            String subject = (op == null ? t : t.substring(0, at)).trim();
            String value = op == null ? null : unquote(t.substring(at + op.symbol().length()).trim());
            if (subject.isEmpty()) {
                throw new IllegalArgumentException("'" + t + "' has nothing before '" + op.symbol() + "'");
            }
            if (op != null && value.isEmpty()) {
                throw new IllegalArgumentException("'" + t + "' has nothing after '" + op.symbol() + "'");
            }
            if (op != null && op.ordering() && !isNumber(value)) {
                throw new IllegalArgumentException("'" + op.symbol() + "' compares numbers, but '" + value
                        + "' is not a number");
            }
            return new Requirement(t, subject, segments(subject), op, value);
        }

        private static List<String> segments(String subject) {
            String s = subject.startsWith("$.") ? subject.substring(2) : subject.equals("$") ? "" : subject;
            s = s.replace("[", ".").replace("]", "");
            if (s.isEmpty()) {
                return List.of();
            }
            List<String> parts = List.of(s.split("\\.", -1));
            for (String p : parts) {
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("the path '" + subject + "' has an empty segment");
                }
                if (p.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("the path '" + subject + "' contains a space; write"
                            + " 'path op value' with one of " + Arrays.stream(Operator.values())
                                    .map(Operator::symbol).toList());
                }
            }
            return parts;
        }

        private static boolean isNumber(String v) {
            try {
                Double.valueOf(v);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static String unquote(String v) {
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Lower-case id of the type, for messages. */
    public String typeId() {
        return type.id().toLowerCase(Locale.ROOT);
    }
}
