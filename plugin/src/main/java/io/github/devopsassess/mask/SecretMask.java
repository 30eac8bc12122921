package io.github.devopsassess.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, line by line, which parts of a line taken from a repository are secret values, and replaces them with
 * {@link #MASK}. Every output that shows repository text (site pages, {@code assessment.json}, SARIF, JUnit XML, the
 * step summary, the log, the history cache) goes through this one class, so a value masked in one place is masked
 * everywhere.
 *
 * <p>A value is masked when its <em>form</em> is a known credential (AWS, GitHub, GitLab, Slack, Stripe, Google, npm,
 * SendGrid, JWT, private-key blocks, the password of a URL, a long high-entropy string), or when its <em>key</em>
 * names a credential (password, secret, token, API key…) in any of the forms a line can take: {@code KEY=value}
 * (.env, shell, properties, Dockerfile {@code ENV}/{@code ARG}, compose lists), {@code key: value} (YAML, CI
 * {@code env:} blocks), {@code "key": "value"} (JSON), {@code key = "value"} (HCL), {@code <password>…</password>}
 * (XML), {@code --password value} (command lines). The key and the rest of the line stay visible.
 *
 * <p>A reference is not a value and stays visible, so that a reader sees what is referenced:
 * {@code ${{ secrets.X }}}, {@code ${VAR}}, {@code $VAR}, {@code {{ .Values.x }}}, {@code secretKeyRef},
 * {@code vault:…}, {@code arn:…}, Terraform expressions ({@code var.x}, {@code data.…}), a Kubernetes secret's key
 * name ({@code API_CLIENT_SECRET: "API_CLIENT_SECRET"}) and the name of an environment variable.
 *
 * <p>Masking is idempotent: a masked line is left as it is.
 */
public final class SecretMask {

    /** What is shown instead of a secret value: always the same length, so the length of the value is not told. */
    public static final String MASK = "••••••••";

    /** Last words of a key that name a credential (a trailing "s" is ignored: {@code credentials}, {@code tokens}). */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("password", "passwd", "passphrase", "secret", "token",
            "credential", "pwd", "pass", "pw", "apikey", "privatekey", "accesskey", "secretkey", "signingkey",
            "encryptionkey", "clientkey", "authkey", "masterkey", "sessionkey", "routingkey", "integrationkey",
            "deploykey", "sshkey", "licensekey", "webhooksecret", "clientsecret");

    /** Words joined at the end of a key that still name a credential: "api" + "key", "access" + "key". */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access", "secret", "signing",
            "encryption", "client", "auth", "master", "session", "routing", "integration", "deploy", "ssh", "license");

    /** Last words that only describe how a credential is stored: {@code secret_key_base}, {@code password_value}. */
    private static final Set<String> STORAGE_SUFFIXES = Set.of("value", "base", "string", "data", "b64", "base64",
            "plain", "plaintext", "raw");

    /** Words that stand in for a credential in examples and local defaults; a value made of them holds none. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("changeme", "change", "me", "changeit", "password",
            "passw0rd", "pass", "secret", "secrets", "token", "postgres", "postgresql", "mysql", "root", "admin",
            "test", "testing", "dev", "development", "local", "localhost", "example", "default", "dummy", "fake",
            "sample", "placeholder", "todo", "tbd", "your", "here", "my", "not", "a", "i", "am", "notsecret", "none",
            "guest", "user", "foo", "bar", "baz", "qwerty", "letmein", "xxx", "xxxx", "xxxxx", "xxxxxx", "redacted",
            "elastic", "minio", "minioadmin", "rabbitmq", "redis", "mongo", "sa", "insecure", "unsafe", "demo",
            "123", "1234", "12345", "123456", "qwe123", "abc123", "s3cr3t", "p4ssw0rd", "password1", "password123",
            "ci", "docker", "k8s", "db", "database", "app", "api", "key", "client", "value");

    /** Values that name where a secret lives rather than holding it: {@code github-private-key}. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(
            "[a-z0-9]+([-_][a-z0-9]+)*[-_](secret|key|token|password|credentials?|pwd|pass)s?([-_][a-z0-9]+)*");

    /** The name of an environment variable or of a secret's key, used as a value: {@code DB_PASSWORD}. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

    /** Words that stand in for a value and hold none. */
    private static final Set<String> NON_VALUES = Set.of("true", "false", "null", "nil", "none", "~", "yes", "no",
            "on", "off", "required", "optional", "inherit", "string", "secret", "password", "token", "undefined", "|", ">", "|-",
            ">-", "|+", ">+", "{", "[", "(", "[]", "{}", "\"\"", "''");

    /** Prefixes of a value that references a secret held somewhere else. */
    private static final List<String> REFERENCE_PREFIXES = List.of("${", "$(", "$", "{{", "((", "#{", "%env(",
            "%(", "@microsoft.keyvault(", "!ref", "!sub", "!getatt", "!importvalue", "!vault", "!secret", "vault:",
            "ref+", "arn:", "file:", "classpath:", "env:", "secretkeyref", "azurekeyvault", "awssecretsmanager",
            "secretsmanager:", "ssm:", "{", "[", "gcp:", "projects/", "enc(", "enc[", "<", "var.", "local.", "data.", "module.",
            "each.", "self.", "random_password.", "aws_", "azurerm_", "google_", "kubernetes_", "/", "~/", "./",
            "secrets.", "env.", "vars.", "inputs.", "process.env", "os.environ", "system.getenv", "getenv(",
            "lookup(", "sensitive(", "base64decode(", "file(", "templatefile(", "op://", "sops:", "keyvault:");

    /** Known credential formats, found anywhere in a line. */
    private static final List<TokenFormat> TOKENS = List.of(
            token("(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])",
                    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"),
            token("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            token("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}", "github_pat_"),
            token("(?<![A-Za-z0-9_])gl(?:pat|dt|rt|ptt|ft|cbt|oas|imt|soat|agent)-[A-Za-z0-9_\\-]{20,}", "glpat-", "gldt-",
                    "glrt-", "glptt-", "glft-", "glcbt-", "gloas-", "glimt-", "glsoat-", "glagent-"),
            token("(?<![A-Za-z0-9_])xox[abposr]-[A-Za-z0-9\\-]{10,}", "xox"),
            token("(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}", "_live_", "_test_"),
            token("(?<![A-Za-z0-9_])whsec_[A-Za-z0-9]{16,}", "whsec_"),
            token("(?<![A-Za-z0-9_])AIza[0-9A-Za-z_\\-]{35}", "AIza"),
            token("(?<![A-Za-z0-9_])GOCSPX-[A-Za-z0-9_\\-]{20,}", "GOCSPX-"),
            token("(?<![A-Za-z0-9_])ya29\\.[0-9A-Za-z_\\-]{20,}", "ya29."),
            token("(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}", "eyJ"),
            token("(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}", "npm_"),
            token("(?<![A-Za-z0-9_])pypi-[A-Za-z0-9_\\-]{40,}", "pypi-"),
            token("(?<![A-Za-z0-9_])SG\\.[A-Za-z0-9_\\-]{16,}\\.[A-Za-z0-9_\\-]{16,}", "SG."),
            token("(?<![A-Za-z0-9_])dop_v1_[a-f0-9]{64}", "dop_v1_"),
            token("(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", "shpat_", "shpca_", "shppa_",
                    "shpss_"),
            token("(?<![A-Za-z0-9_])hvs\\.[A-Za-z0-9_\\-]{24,}", "hvs."),
            token("(?<=AccountKey=)[A-Za-z0-9+/=]{20,}", "AccountKey="),
            token("(?<=\\b(?:Bearer|Basic) )(?=[A-Za-z._~+/=\\-]*[0-9])[A-Za-z0-9._~+/=\\-]{8,}", "Bearer ", "Basic "),
            token("(?<=hooks\\.slack\\.com/(?:services|workflows)/)[A-Za-z0-9/_\\-]{10,}", "hooks.slack.com/"),
            token("(?<=discord(?:app)?\\.com/api/webhooks/)[A-Za-z0-9/_\\-]{10,}", "/api/webhooks/"),
            token("(?<=webhook\\.office\\.com/webhookb2/)[A-Za-z0-9@/_\\-]{10,}", "webhook.office.com/"));

    /**
     * A credential format and the plain text every match of it contains: the pattern runs only on lines that hold
     * one of those texts (one alternation of all formats, tried at every position, cost about 40 µs a line).
     */
    private record TokenFormat(Pattern pattern, List<String> anchors) {
        boolean mayMatch(String s) {
            for (String a : anchors) {
                if (s.contains(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static TokenFormat token(String regex, String... anchors) {
        return new TokenFormat(Pattern.compile(regex), List.of(anchors));
    }

    /** The password of a URL: {@code postgres://app:secret@db/prod}. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.\\-]*://[^\\s:/@'\"]*):(?<password>[^\\s@/'\"]+)@");

    /** Beginning and end of a private-key block (PEM, OpenSSH, PGP). */
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----");
    private static final Pattern KEY_END = Pattern.compile("-----END ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----");

    /** A key followed by an assignment: {@code key=}, {@code key:}, {@code "key":}, {@code key =>}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.])(?<q>[\"']?)(?<key>[A-Za-z_][A-Za-z0-9_.\\-]*+)\\k<q>\\s*(?<sep>=>|:=|=|:(?=\\s|$|[\"']))");

    /** {@code ENV KEY value} and {@code ARG KEY value} (the Dockerfile form without {@code =}). */
    private static final Pattern DOCKER_ENV = Pattern.compile(
            "^(?<head>\\s*(?:ENV|ARG)\\s+)(?<key>[A-Za-z_][A-Za-z0-9_]*)(?<sep>\\s+)(?<value>\\S.*)$");

    /** An XML element holding a value: {@code <password>…</password>}. */
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "<(?<key>[A-Za-z_][A-Za-z0-9_.\\-]*)>(?<value>[^<]+)</\\k<key>>");

    /** A command-line option followed by its value: {@code --password secret}, {@code -p secret}. */
    private static final Pattern OPTION = Pattern.compile(
            "(?<![A-Za-z0-9_])--?(?<key>[A-Za-z][A-Za-z0-9\\-]*)(?<sep>\\s+)(?<value>[^\\s-][^\\s]*)");

    // Patterns of the key and value judgements, compiled once: they run for every candidate key of every line.
    private static final Pattern INDEXES = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[.\\-_\\[\\]\\s/\"':]+");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern FILLER = Pattern.compile("[x*•.\\-_]+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** A key whose value follows as a YAML block scalar: {@code password: |}. */
    private static final Pattern BLOCK_SCALAR_KEY = Pattern.compile(
            "^\\s*(?:-\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*:\\s*[|>][+\\-]?\\d?\\s*(#.*)?$");

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    /** What may stand before a key that starts its line: indentation, a list dash, export, set, ENV, ARG. */
    private static final Pattern LINE_START = Pattern.compile(
            "\\s*(?:-\\s+)?(?:export\\s+|set\\s+|ENV\\s+|ARG\\s+|\\$env:)?[\"']?");

    /** A run of characters long enough to be a generated credential. */
    private static final Pattern LONG_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9+/=_\\-])[A-Za-z0-9+/=_\\-]{20,}"); // from the run's start only: no retry inside a run

    /** Digests named as such ({@code sha256:…}, {@code sha512-…}), which are not secrets. */
    private static final Pattern DIGEST_PREFIX = Pattern.compile("(?i)(?:sha(?:1|224|256|384|512)[:\\-]|@)$");

    private SecretMask() {
    }

    /** One line with every secret value in it masked. A line inside a private-key block needs {@link #lines}. */
    public static String line(String line) {
        if (line == null || line.isEmpty() || !mayHoldSecret(line)) {
            return line;
        }
        String s = maskKeyBlocksInLine(line);
        for (TokenFormat t : TOKENS) {
            if (t.mayMatch(s)) {
                s = maskGroup(t.pattern(), s, null, m -> true);
            }
        }
        s = maskUrlPasswords(s);
        s = maskAssignments(s);
        s = maskDockerEnv(s);
        s = maskXml(s);
        s = maskOptions(s);
        s = maskHighEntropy(s);
        return s;
    }

    /**
     * Lines of one file (or a run of them) with every secret masked, including what only shows across lines: the
     * body of a private-key block, and the value of a secret key written as a YAML block scalar
     * ({@code password: |} followed by the value on the lines below).
     */
    public static List<String> lines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inKey = false;
        int blockIndent = -1; // indentation of the secret key whose block scalar follows, or -1
        for (String raw : lines) {
            String line = raw == null ? "" : raw;
            if (inKey) {
                Matcher end = KEY_END.matcher(line);
                if (end.find()) {
                    String before = line.substring(0, end.start());
                    out.add(before.isBlank() ? line : indentOf(line) + MASK + line.substring(end.start()));
                    inKey = false;
                } else {
                    out.add(indentOf(line) + MASK);
                }
                continue;
            }
            if (blockIndent >= 0) {
                if (line.isBlank() || indent(line) > blockIndent) {
                    out.add(line.isBlank() ? line : indentOf(line) + MASK);
                    continue;
                }
                blockIndent = -1;
            }
            Matcher begin = KEY_BEGIN.matcher(line);
            if (begin.find() && !KEY_END.matcher(line).find(begin.end())) {
                out.add(line(line.substring(0, begin.end())));
                inKey = true;
                continue;
            }
            out.add(line(line));
            if (secretBlockScalar(line)) {
                blockIndent = indent(line);
            }
        }
        return out;
    }

    /** Text of one or more lines (a message, a commit subject, a parser's error) with every secret masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        Matcher m = LINE_BREAK.matcher(text);
        int from = 0;
        while (m.find()) {
            parts.add(text.substring(from, m.start()));
            breaks.add(m.group());
            from = m.end();
        }
        parts.add(text.substring(from));
        List<String> masked = lines(parts);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < masked.size(); i++) {
            sb.append(masked.get(i));
            if (i < breaks.size()) {
                sb.append(breaks.get(i));
            }
        }
        return sb.toString();
    }

    /**
     * Whether a key names a credential: {@code password}, {@code AWS_SECRET_ACCESS_KEY}, {@code apiKey},
     * {@code DB_PASS}, {@code spring.datasource.password}; not {@code token-validity-in-seconds}, {@code secret-name},
     * {@code password_file}, {@code secretKeyRef.key}, {@code externalSecrets.refreshInterval} or
     * {@code secrets_namespace}. Only the last segment of a dotted key counts, and its last words must name the
     * credential: a credential word earlier in the key describes what the setting is about, not what it holds.
     */
    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String leaf = INDEXES.matcher(key).replaceAll("");
        int dot = leaf.lastIndexOf('.', leaf.length() - 2);
        leaf = dot >= 0 ? leaf.substring(dot + 1) : leaf;
        List<String> words = new ArrayList<>(words(leaf));
        while (words.size() > 1 && STORAGE_SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty()) {
            return false;
        }
        String last = singular(words.get(words.size() - 1));
        if (CREDENTIAL_WORDS.contains(last) || last.length() > 8 && (last.endsWith("password")
                || last.endsWith("secret") || last.endsWith("token") || last.endsWith("passwd"))) {
            return true;
        }
        return "key".equals(last) && words.size() > 1 && KEY_QUALIFIERS.contains(words.get(words.size() - 2));
    }

    private static String singular(String word) {
        return word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    /**
     * Whether a credential's value is a stand-in rather than a credential: made only of words used in examples and
     * local defaults ({@code changeme}, {@code postgres}, {@code I_am_not_a_secret}, {@code your-token-here}), or
     * equal to its own key ({@code client-secret: clientsecret}). Such values are still masked where shown; they are
     * not reported as committed credentials.
     */
    public static boolean isPlaceholder(String key, String value) {
        if (value == null) {
            return true;
        }
        String v = unquote(value.trim()).toLowerCase(Locale.ROOT);
        if (v.isEmpty() || FILLER.matcher(v).matches() || v.startsWith("<") && v.endsWith(">")) {
            return true;
        }
        if (key != null && String.join("", words(key)).equals(NOT_ALNUM.matcher(v).replaceAll(""))) {
            return true;
        }
        List<String> parts = List.of(NOT_ALNUM.split(v));
        return parts.stream().filter(w -> !w.isEmpty()).allMatch(PLACEHOLDER_WORDS::contains);
    }

    /**
     * Whether a value written for a credential's key holds the credential itself, rather than a placeholder, a
     * reference ({@code ${DB_PASSWORD}}, {@code {{ .Values.x }}}, {@code vault:…}, {@code secrets.X}), the name of
     * where it is kept ({@code github-private-key}, {@code DB_PASSWORD}) or a flag ({@code true}).
     *
     * @param key the key, when known: a value equal to its own key is a secret's key name, not its value
     */
    public static boolean isLiteralValue(String key, String value) {
        if (value == null) {
            return false;
        }
        String v = unquote(value.trim());
        if (v.isEmpty() || v.contains(MASK) || v.contains("${") || v.contains("{{") || v.contains("((")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (NON_VALUES.contains(lower) || REFERENCE_PREFIXES.stream().anyMatch(lower::startsWith)
                || REFERENCE_NAME.matcher(v).matches() || VARIABLE_NAME.matcher(v).matches()
                || key != null && words(key).equals(words(v))) {
            return false;
        }
        // A short number is a setting (a length, a port), never a credential; a long one may be a PIN or a key.
        return !(NUMBER.matcher(lower).matches() && lower.length() < 4);
    }

    /** The words of a key: {@code spring.dataSource.db-url} → spring, data, source, db, url. */
    public static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        for (String part : KEY_SEPARATORS.split(key)) {
            for (String w : CAMEL_CASE.split(part)) {
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    // ---------------------------------------------------------------------------------------------- line masking

    /** A cheap test that rules out most lines before any pattern runs. */
    private static boolean mayHoldSecret(String s) {
        if (s.length() >= 20) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == ':' || c == '>' || c == '-' || c == '@' || c == ' ' || c == '\t') {
                return true;
            }
        }
        return false;
    }

    private static String maskKeyBlocksInLine(String line) {
        Matcher begin = KEY_BEGIN.matcher(line);
        if (!begin.find()) {
            return line;
        }
        Matcher end = KEY_END.matcher(line);
        if (end.find(begin.end())) {
            return line.substring(0, begin.end()) + MASK + line.substring(end.start());
        }
        return line.substring(0, begin.end()) + (begin.end() < line.length() ? MASK : "");
    }

    private static String maskUrlPasswords(String s) {
        return !s.contains("://") || s.indexOf('@') < 0 ? s : maskGroup(URL_PASSWORD, s, "password", m -> isLiteralValue(null, m.group("password")));
    }

    private static String maskAssignments(String s) {
        if (s.indexOf('=') < 0 && s.indexOf(':') < 0) {
            return s;
        }
        Matcher m = ASSIGNMENT.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        int from = 0;
        while (from < s.length() && m.find(from)) {
            String key = m.group("key");
            int valueStart = skipSpaces(s, m.end());
            from = m.end();
            if (!isSecretKey(key) || valueStart >= s.length()) {
                continue;
            }
            boolean lineStart = LINE_START.matcher(s.substring(0, m.start())).matches();
            int valueEnd = valueEnd(s, valueStart, lineStart, m.group("sep"));
            String value = s.substring(valueStart, valueEnd);
            if (valueEnd <= valueStart || !isLiteralValue(key, value)) {
                from = Math.max(from, valueStart);
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            }
            char q = s.charAt(valueStart);
            boolean quoted = (q == '"' || q == '\'') && valueEnd - valueStart >= 2 && s.charAt(valueEnd - 1) == q;
            sb.append(s, last, valueStart);
            sb.append(quoted ? q + MASK + q : MASK);
            last = valueEnd;
            from = valueEnd;
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /** End of the value that starts at {@code start}: a quoted string, the rest of the line, or one word. */
    private static int valueEnd(String s, int start, boolean lineStart, String sep) {
        char c = s.charAt(start);
        if (c == '"' || c == '\'') {
            int i = start + 1;
            while (i < s.length()) {
                char d = s.charAt(i);
                if (d == '\\' && c == '"') {
                    i += 2;
                    continue;
                }
                if (d == c) {
                    return i + 1;
                }
                i++;
            }
            return s.length();
        }
        if (lineStart && !"=>".equals(sep)) {
            int end = s.length();
            int comment = s.indexOf(" #", start);
            if (comment >= 0) {
                end = comment;
            }
            while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            // "password: secret," in a flow mapping or JSON without quotes
            while (end > start && ",;}]".indexOf(s.charAt(end - 1)) >= 0 && !lineIsYamlScalar(s, start)) {
                end--;
            }
            return end;
        }
        int i = start;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && ",;&)}]\"'`".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** A plain YAML scalar runs to the end of the line, commas included. */
    private static boolean lineIsYamlScalar(String s, int start) {
        return s.indexOf('{') < 0 && s.indexOf('[') < 0 && s.substring(0, start).trim().endsWith(":");
    }

    private static String maskDockerEnv(String s) {
        if (!s.contains("ENV") && !s.contains("ARG")) {
            return s;
        }
        Matcher m = DOCKER_ENV.matcher(s);
        if (!m.matches() || s.substring(m.end("key")).trim().startsWith("=")) {
            return s;
        }
        String key = m.group("key");
        String value = m.group("value").trim();
        if (!isSecretKey(key) || !isLiteralValue(key, value)) {
            return s;
        }
        return s.substring(0, m.start("value")) + MASK;
    }

    private static String maskXml(String s) {
        return s.indexOf('<') < 0 ? s : maskGroup(XML_ELEMENT, s, "value",
                m -> isSecretKey(m.group("key")) && isLiteralValue(m.group("key"), m.group("value")));
    }

    private static String maskOptions(String s) {
        return s.indexOf('-') < 0 ? s : maskGroup(OPTION, s, "value",
                m -> isSecretKey(m.group("key")) && isLiteralValue(m.group("key"), m.group("value")));
    }

    /** Long strings whose characters look drawn at random: generated keys and tokens of formats not named above. */
    private static String maskHighEntropy(String s) {
        return s.length() < 20 ? s : maskGroup(LONG_TOKEN, s, null, m -> looksRandom(m.group())
                && !DIGEST_PREFIX.matcher(s.substring(Math.max(0, m.start() - 8), m.start())).find());
    }

    /**
     * Replaces a group of every match (the whole match when {@code group} is null) with {@link #MASK}, where the
     * match holds a secret.
     */
    private static String maskGroup(Pattern pattern, String s, String group, Predicate<Matcher> secret) {
        Matcher m = pattern.matcher(s);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (!secret.test(m)) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            }
            sb.append(s, last, group == null ? m.start() : m.start(group)).append(MASK);
            last = group == null ? m.end() : m.end(group);
        }
        return sb == null ? s : sb.append(s, last, s.length()).toString();
    }

    /**
     * Upper- and lower-case letters and digits mixed (hexadecimal alone is a commit id or a digest, shown as such),
     * few words in it (paths and identifiers are made of words: {@code postmortems/PM2025-004},
     * {@code Base64Encoder2Helper}), and a Shannon entropy close to the most a string of that length can have.
     */
    static boolean looksRandom(String token) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int inWords = 0; // characters in runs of four or more lower-case letters
        int run = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
            if (c >= 'a' && c <= 'z') {
                lower = true;
                run++;
            } else {
                inWords += run >= 4 ? run : 0;
                run = 0;
            }
        }
        inWords += run >= 4 ? run : 0;
        if (!(upper && lower && digit) || inWords * 4 > token.length()) {
            return false;
        }
        int[] counts = new int[128];
        for (int i = 0; i < token.length(); i++) {
            counts[token.charAt(i) & 0x7f]++;
        }
        double entropy = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / token.length();
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        double most = Math.log(Math.min(token.length(), 64)) / Math.log(2);
        return entropy >= 0.82 * most;
    }

    // ---------------------------------------------------------------------------------------------- small helpers

    private static boolean secretBlockScalar(String line) {
        Matcher m = BLOCK_SCALAR_KEY.matcher(line);
        return m.matches() && isSecretKey(m.group(1));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String indentOf(String line) {
        return line.substring(0, indent(line));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).trim();
        }
        return v;
    }
}
