package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts;
import io.github.devopsassess.facts.ownership.BroadGrant;
import io.github.devopsassess.mask.SecretMask;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.pipeline.ProductionPatterns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, from YAML and JSON files, the access that grants everything and the audit logging of clusters:
 * <ul>
 * <li>Kubernetes {@code ClusterRoleBinding}s and {@code RoleBinding}s (plain manifests, kustomize bases, a kind
 * {@code List}, resources embedded in another document, Helm templates whose template actions leave YAML) of people to
 * {@code cluster-admin} or to a {@code ClusterRole} of the repository that allows every verb on every resource of
 * every API group. Subjects of kind {@code ServiceAccount} are a workload's own identity (a controller bound by the
 * chart that installs it), not a person, and are not reported; nor are Kubernetes' own {@code system:} users and
 * groups, except the groups that mean everyone ({@code system:authenticated}, {@code system:unauthenticated},
 * {@code system:serviceaccounts}).</li>
 * <li>Access lists of accounts and environments ({@code {"environments": [{"name": "production", "access":
 * [{"sso_group_name": …, "level": "administrator"}]}]}}): a production environment whose access gives a group or
 * user the administrator, admin or owner level.</li>
 * <li>Kubeconfigs ({@code kind: Config} with clusters or contexts) that embed a credential or whose current context
 * names production. The credential's value is never kept, only its key.</li>
 * <li>Kubernetes audit policies ({@code apiVersion: audit.k8s.io/…}, {@code kind: Policy}) and pgaudit settings.</li>
 * </ul>
 * A file that is not a template and does not read is one problem naming its line; a Helm template that does not read
 * once its actions are set aside is left alone (it is not YAML until rendered).
 */
final class ManifestAccess {

    /** Words that make a YAML or JSON file worth parsing here. */
    static final Pattern MARKER = Pattern.compile("RoleBinding|kind:\\s*ClusterRole\\b|\"access\"\\s*:"
            + "|kind:\\s*Config\\b|audit\\.k8s\\.io|pgaudit");
    private static final Pattern TEMPLATE_ONLY_LINE = Pattern.compile("(?m)^[ \\t]*(\\{\\{[^\\n]*?}}[ \\t]*)+$");
    private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?}}");
    private static final String PLACEHOLDER = "TEMPLATED";
    private static final Set<String> ADMIN_LEVELS = Set.of("administrator", "admin", "owner", "administratoraccess");
    private static final Set<String> EVERYONE_GROUPS = Set.of("system:authenticated", "system:unauthenticated",
            "system:serviceaccounts");
    /** Keys of a kubeconfig user that hold a credential rather than point at one (client-key is a path). */
    private static final List<String> CREDENTIAL_KEYS = List.of("token", "client-key-data", "password",
            "id-token", "refresh-token", "access-token");

    private final YamlReader yaml = new YamlReader();
    private final ProductionPatterns production;
    private final Facts.Builder facts;
    /** Cluster roles of the repository that allow everything, by name. */
    private final Map<String, String> wildcardRoles = new HashMap<>();
    private final List<Binding> bindings = new ArrayList<>();
    final List<BroadGrant> grants = new ArrayList<>();
    final List<AuditLoggingFacts.AuditLog> audits = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    int declarations;

    /** A binding read before every cluster role is known. */
    private record Binding(String path, int line, String address, String role, String subjects, String namespace) {
    }

    ManifestAccess(ProductionPatterns production, Facts.Builder facts) {
        this.production = production;
        this.facts = facts;
    }

    static boolean candidate(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                || name.contains("kubeconfig") || path.endsWith(".kube/config");
    }

    /** Reads one file whose text matched {@link #MARKER}. */
    void read(String path, String text) {
        boolean template = text.contains("{{");
        String readable = template ? untemplate(text) : text;
        YamlReader.Result result = yaml.read(path, readable);
        if (result.problem().isPresent()) {
            if (template) {
                return; // a template that is not YAML until rendered: not this reader's to judge
            }
            facts.problem(result.problem().get());
            if (!result.complete()) {
                return;
            }
        }
        int before = declarations;
        int grantsBefore = grants.size();
        for (YamlNode doc : result.documents()) {
            if (doc != null) {
                document(path, doc);
            }
        }
        if (declarations > before || grants.size() > grantsBefore) {
            sources.add(path);
        }
        if (text.contains("pgaudit")) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("pgaudit") && !lines[i].strip().startsWith("#")) {
                    audits.add(new AuditLoggingFacts.AuditLog(path, i + 1, AuditLoggingFacts.Scope.DATABASE,
                            "pgaudit"));
                    break;
                }
            }
        }
    }

    /** Template actions set aside, line for line: a line of actions only becomes blank, an inline action a word. */
    static String untemplate(String text) {
        Matcher only = TEMPLATE_ONLY_LINE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (only.find()) {
            only.appendReplacement(out, "");
        }
        only.appendTail(out);
        return TEMPLATE_ACTION.matcher(out).replaceAll(PLACEHOLDER);
    }

    private void document(String path, YamlNode doc) {
        YamlNode.Mapping m = doc.asMapping().orElse(null);
        if (m == null) {
            return;
        }
        String kind = m.string("kind").orElse("");
        String apiVersion = m.string("apiVersion").orElse("");
        if (kind.equals("Config") && (m.get("clusters").isPresent() || m.get("contexts").isPresent())) {
            kubeconfig(path, m);
            return;
        }
        if (kind.equals("Policy") && apiVersion.startsWith("audit.k8s.io/")) {
            audits.add(new AuditLoggingFacts.AuditLog(path, m.lineOf("kind"), AuditLoggingFacts.Scope.CLUSTER,
                    "Kubernetes audit policy (" + apiVersion + ")"));
            return;
        }
        if (m.get("environments").flatMap(YamlNode::asSequence).isPresent()) {
            environments(path, m);
        }
        resources(path, doc);
    }

    /** Every Kubernetes RBAC object at any depth: a List's items, resources embedded in another resource. */
    private void resources(String path, YamlNode node) {
        if (node instanceof YamlNode.Sequence s) {
            s.items().forEach(i -> resources(path, i));
            return;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            return;
        }
        String kind = m.string("kind").orElse("");
        if ((kind.equals("ClusterRoleBinding") || kind.equals("RoleBinding")) && m.mapping("roleRef").isPresent()) {
            binding(path, m, kind);
            return;
        }
        if (kind.equals("ClusterRole") && m.get("rules").isPresent()) {
            declarations++;
            if (m.list("rules").stream().anyMatch(ManifestAccess::allowsEverything)) {
                name(m).ifPresent(n -> wildcardRoles.putIfAbsent(n, path + ":" + m.lineOf("rules")));
            }
            return;
        }
        for (YamlNode v : m.entries().values()) {
            resources(path, v);
        }
    }

    private static boolean allowsEverything(YamlNode rule) {
        return rule instanceof YamlNode.Mapping r && star(r, "verbs") && star(r, "resources") && star(r, "apiGroups");
    }

    private static boolean star(YamlNode.Mapping m, String key) {
        return m.list(key).stream().anyMatch(i -> "*".equals(i.text()));
    }

    private static java.util.Optional<String> name(YamlNode.Mapping m) {
        return m.mapping("metadata").flatMap(md -> md.string("name"));
    }

    private void binding(String path, YamlNode.Mapping m, String kind) {
        declarations++;
        YamlNode.Mapping ref = m.mapping("roleRef").orElseThrow();
        String role = ref.string("name").orElse(null);
        if (role == null || !ref.string("kind").orElse("ClusterRole").equals("ClusterRole")) {
            return;
        }
        List<String> people = new ArrayList<>();
        for (YamlNode s : m.list("subjects")) {
            s.asMapping().ifPresent(subject -> {
                String subjectKind = subject.string("kind").orElse("");
                String who = subject.string("name").orElse("?").replace(PLACEHOLDER, "{{…}}");
                boolean person = (subjectKind.equals("User") || subjectKind.equals("Group"))
                        && (!who.startsWith("system:") || EVERYONE_GROUPS.contains(who));
                if (person) {
                    people.add(subjectKind.toLowerCase(Locale.ROOT) + ":" + who);
                }
            });
        }
        if (people.isEmpty()) {
            return; // service accounts only: a workload's identity, or subjects set at render time
        }
        String address = kind + "/" + name(m).orElse("?").replace(PLACEHOLDER, "{{…}}");
        String namespace = kind.equals("RoleBinding") ? m.mapping("metadata").flatMap(md -> md.string("namespace"))
                .orElse("its namespace") : null;
        bindings.add(new Binding(path, ref.lineOf("name"), address, role, String.join(", ", people), namespace));
    }

    private void environments(String path, YamlNode.Mapping m) {
        String account = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.(json|ya?ml)$", "");
        for (YamlNode e : m.list("environments")) {
            YamlNode.Mapping env = e.asMapping().orElse(null);
            if (env == null || env.get("access").flatMap(YamlNode::asSequence).isEmpty()) {
                continue;
            }
            String name = env.string("name").orElse("?");
            for (YamlNode a : env.list("access")) {
                YamlNode.Mapping entry = a.asMapping().orElse(null);
                if (entry == null) {
                    continue;
                }
                declarations++;
                String level = entry.string("level").or(() -> entry.string("role")).orElse("");
                if (!production.matches(name) || !ADMIN_LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String who = entry.string("sso_group_name").map(g -> "group:" + g)
                        .or(() -> entry.string("github_slug").map(g -> "team:" + g))
                        .or(() -> entry.string("group").map(g -> "group:" + g))
                        .or(() -> entry.string("user").map(u -> "user:" + u)).orElse(null);
                if (who == null) {
                    continue;
                }
                grants.add(new BroadGrant(path, entry.lineOf(entry.get("level").isPresent() ? "level" : "role"),
                        BroadGrant.Kind.PRODUCTION_ADMIN, account + "/" + name, who, "level " + level));
            }
        }
    }

    private void kubeconfig(String path, YamlNode.Mapping m) {
        declarations++;
        String current = m.string("current-context").orElse("");
        if (production.matches(current)) {
            grants.add(new BroadGrant(path, m.lineOf("current-context"), BroadGrant.Kind.KUBECONFIG,
                    "kubeconfig", null, "current context " + current + " is production: a command run with it"
                            + " changes production"));
        }
        for (YamlNode u : m.list("users")) {
            YamlNode.Mapping named = u.asMapping().orElse(null);
            YamlNode.Mapping user = named == null ? null : named.mapping("user").orElse(null);
            if (user == null) {
                continue;
            }
            List<YamlNode.Mapping> holders = new ArrayList<>(List.of(user));
            user.mapping("auth-provider").flatMap(p -> p.mapping("config")).ifPresent(holders::add);
            for (YamlNode.Mapping holder : holders) {
                for (String key : CREDENTIAL_KEYS) {
                    String value = holder.string(key).orElse(null);
                    if (value != null && !value.isBlank() && !value.contains(PLACEHOLDER)
                            && SecretMask.isLiteralValue(key, value) && !SecretMask.isPlaceholder(key, value)) {
                        grants.add(new BroadGrant(path, holder.lineOf(key), BroadGrant.Kind.KUBECONFIG,
                                "kubeconfig", "user " + named.string("name").orElse("?"), "embeds " + key));
                    }
                }
            }
        }
    }

    /** The bindings to cluster-admin and to the repository's all-allowing cluster roles, once every file is read. */
    void finish() {
        for (Binding b : bindings) {
            String detail;
            if (b.role().equals("cluster-admin")) {
                detail = "role cluster-admin";
            } else if (wildcardRoles.containsKey(b.role())) {
                detail = "role " + b.role() + " (every verb on every resource, " + wildcardRoles.get(b.role()) + ")";
            } else {
                continue;
            }
            grants.add(new BroadGrant(b.path(), b.line(), BroadGrant.Kind.CLUSTER_ADMIN, b.address(), b.subjects(),
                    detail + (b.namespace() == null ? "" : " in namespace " + b.namespace())));
        }
    }
}
