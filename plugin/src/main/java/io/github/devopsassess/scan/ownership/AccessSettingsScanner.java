package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.AccessGrant;
import io.github.devopsassess.facts.ownership.AuditLoggingFacts;
import io.github.devopsassess.facts.ownership.CommittedKeys;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.facts.ownership.BroadGrant;
import io.github.devopsassess.facts.ownership.InfrastructureAccessFacts;
import io.github.devopsassess.facts.ownership.DeploymentEnvironment;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.parse.HclValue;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanFiles;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.scan.pipeline.ProductionPatterns;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads repository access declared as code: the repository-settings app's {@code .github/settings.yml},
 * {@code .github/sync-repo-settings.yaml}, and Terraform {@code github_branch_protection(_v3)},
 * {@code github_repository_environment}, {@code github_team_repository}, {@code github_repository_collaborator} and
 * {@code gitlab_branch_protection}; infrastructure access that grants everything, from Terraform (see
 * {@link TerraformAccess}) and from YAML and JSON (see {@link ManifestAccess}), as {@link InfrastructureAccessFacts};
 * production accounts and clusters and their audit logging (see {@link TerraformAudit}) as {@link AuditLoggingFacts}.
 */
public final class AccessSettingsScanner implements Scanner {

    /**
     * Content ids ({@link RepoTree#contentId}) with their paths (whose names decide how a file is read) of files read
     * and found to say nothing about access, for as long as this
     * scanner lives (one assessment with its trend points, which read the same unchanged files at every point). The
     * trend's workers share it, hence a concurrent set.
     */
    private final Set<String> silent = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static final Set<String> PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");

    /** The key of a file in {@link #silent}, {@code null} when the tree has no content id for it. */
    private static String silentKey(RepoTree tree, String path) {
        String id = tree.contentId(path);
        return id == null ? null : id + ' ' + path;
    }

    @Override
    public String id() {
        return "access";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        Set<String> roots = new LinkedHashSet<>();
        roots.add(tree.subtree());
        roots.add("");
        Collector c = new Collector();
        YamlReader yaml = new YamlReader();
        for (String root : roots) {
            String prefix = root.isEmpty() ? "" : root + "/";
            for (String name : List.of(".github/settings.yml", ".github/settings.yaml")) {
                YamlNode.Mapping m = read(tree, yaml, prefix + name, facts);
                if (m != null) {
                    c.sources.add(prefix + name);
                    readSettingsApp(prefix + name, m, c, facts);
                }
            }
            for (String name : List.of(".github/sync-repo-settings.yaml", ".github/sync-repo-settings.yml")) {
                YamlNode.Mapping m = read(tree, yaml, prefix + name, facts);
                if (m != null) {
                    c.sources.add(prefix + name);
                    readSyncRepoSettings(prefix + name, m, c, facts);
                }
            }
        }
        HclReader hcl = new HclReader();
        Set<String> infraSources = new TreeSet<>();
        List<BroadGrant> broad = new ArrayList<>();
        ProductionPatterns production = new ProductionPatterns(
                context.options() == null ? List.of() : context.options().productionPatterns());
        ManifestAccess manifests = new ManifestAccess(production, facts);
        List<AuditLoggingFacts.ProductionInfrastructure> productionInfrastructure = new ArrayList<>();
        List<AuditLoggingFacts.AuditLog> audits = new ArrayList<>();
        List<AuditLoggingFacts.AccessAlert> alerts = new ArrayList<>();
        int declarations = 0;
        for (String path : tree.files()) {
            if (!path.endsWith(".tf") && !path.endsWith(".tf.json")) {
                if (ManifestAccess.candidate(path) && !path.startsWith(".github/")) {
                    String id = silentKey(tree, path);
                    if (id != null && silent.contains(id)) {
                        continue;
                    }
                    RepoTree.TextRead read = tree.readText(path);
                    if (read.ok() && ManifestAccess.MARKER.matcher(read.text()).find() && (!path.endsWith(".json")
                            || read.text().contains("\"environments\"") || read.text().contains("pgaudit"))) {
                        manifests.read(path, read.text());
                    } else if (id != null && read.ok()) {
                        silent.add(id);
                    }
                }
                continue;
            }
            String id = silentKey(tree, path);
            if (id != null && silent.contains(id)) {
                continue;
            }
            RepoTree.TextRead read = tree.readText(path);
            boolean repository = read.ok() && (read.text().contains("github_") || read.text().contains("gitlab_"));
            boolean infrastructure = read.ok() && TerraformAccess.MARKER.matcher(read.text()).find();
            boolean audit = read.ok() && TerraformAudit.MARKER.matcher(read.text()).find();
            if (!repository && !infrastructure && !audit) {
                if (id != null && read.ok()) {
                    silent.add(id);
                }
                continue; // most Terraform says nothing about access; do not parse it
            }
            HclReader.Result result = hcl.read(path, read.text());
            if (result.problem().isPresent()) {
                facts.problem(result.problem().get());
                continue;
            }
            if (repository) {
                readTerraform(path, result.body().orElseThrow(), c);
            }
            if (infrastructure) {
                TerraformAccess access = new TerraformAccess(path);
                if (access.read(result.body().orElseThrow())) {
                    infraSources.add(path);
                }
                declarations += access.declarations;
                broad.addAll(access.grants);
            }
            if (audit) {
                TerraformAudit reader = new TerraformAudit(path, production, tree.files());
                reader.read(result.body().orElseThrow(), read.text());
                productionInfrastructure.addAll(reader.infrastructure);
                audits.addAll(reader.logs);
                alerts.addAll(reader.alerts);
            }
        }
        manifests.finish();
        infraSources.addAll(manifests.sources);
        declarations += manifests.declarations;
        broad.addAll(manifests.grants);
        audits.addAll(manifests.audits);
        productionInfrastructure.sort(Comparator.comparing(AuditLoggingFacts.ProductionInfrastructure::source)
                .thenComparingInt(AuditLoggingFacts.ProductionInfrastructure::line));
        audits.sort(Comparator.comparing(AuditLoggingFacts.AuditLog::source)
                .thenComparingInt(AuditLoggingFacts.AuditLog::line));
        alerts.sort(Comparator.comparing(AuditLoggingFacts.AccessAlert::source)
                .thenComparingInt(AuditLoggingFacts.AccessAlert::line));
        facts.put(AuditLoggingFacts.class, new AuditLoggingFacts(productionInfrastructure, audits, alerts));
        facts.put(CommittedKeys.class, new PrivateKeyFiles().read(tree));
        broad.sort(Comparator.comparing(BroadGrant::source).thenComparingInt(BroadGrant::line));
        facts.put(InfrastructureAccessFacts.class, new InfrastructureAccessFacts(List.copyOf(infraSources),
                declarations, broad));
        c.protections.sort(Comparator.comparing(BranchProtection::source).thenComparingInt(BranchProtection::line));
        c.grants.sort(Comparator.comparing(AccessGrant::source).thenComparingInt(AccessGrant::line));
        c.environments.sort(Comparator.comparing(DeploymentEnvironment::source)
                .thenComparingInt(DeploymentEnvironment::line));
        facts.put(AccessFacts.class, new AccessFacts(List.copyOf(c.sources), c.defaultBranch,
                List.copyOf(c.extendsFrom), c.protections, c.grants, c.environments));
    }

    /** What the readers found so far. */
    private static final class Collector {
        final Set<String> sources = new TreeSet<>();
        final Set<String> extendsFrom = new TreeSet<>();
        final List<BranchProtection> protections = new ArrayList<>();
        final List<AccessGrant> grants = new ArrayList<>();
        final List<DeploymentEnvironment> environments = new ArrayList<>();
        String defaultBranch;
    }

    private static YamlNode.Mapping read(RepoTree tree, YamlReader yaml, String path, Facts.Builder facts) {
        if (!tree.isFile(path)) {
            return null;
        }
        return ScanFiles.yamlMapping(tree, yaml, path, facts, "repository settings file").orElse(null);
    }

    private static void readSettingsApp(String path, YamlNode.Mapping m, Collector c, Facts.Builder facts) {
        m.string("_extends").ifPresent(c.extendsFrom::add);
        m.mapping("repository").flatMap(r -> r.string("default_branch")).ifPresent(b -> c.defaultBranch = b);
        for (YamlNode n : m.list("branches")) {
            YamlNode.Mapping b = n.asMapping().orElse(null);
            if (b == null || b.string("name").isEmpty()) {
                facts.problem(path, n.line(), "a branches entry needs a name");
                continue;
            }
            YamlNode.Mapping p = b.mapping("protection").orElse(null);
            if (p == null) {
                c.protections.add(new BranchProtection(path, b.line(), b.string("name").get(), false, false, 0, null,
                        null, false, null));
                continue;
            }
            YamlNode.Mapping reviews = p.mapping("required_pull_request_reviews").orElse(null);
            int approvals = reviews == null ? 0 : integer(reviews, "required_approving_review_count", path, facts, 1);
            YamlNode.Mapping allowances = reviews == null ? null
                    : reviews.mapping("bypass_pull_request_allowances").orElse(null);
            List<String> bypass = new ArrayList<>();
            if (allowances != null) {
                for (String kind : List.of("users", "teams", "apps")) {
                    for (YamlNode who : allowances.list(kind)) {
                        if (who.text() != null && !who.text().isBlank()) {
                            bypass.add(kind.equals("teams") ? "team " + who.text()
                                    : kind.equals("apps") ? "app " + who.text() : who.text());
                        }
                    }
                }
            }
            c.protections.add(new BranchProtection(path, b.line(), b.string("name").get(), true, reviews != null,
                    approvals, reviews == null ? Boolean.FALSE : bool(reviews, "require_code_owner_reviews"),
                    bool(p, "enforce_admins"), p.mapping("required_status_checks").isPresent(),
                    p.mapping("restrictions").isPresent(), bypass,
                    allowances == null ? 0 : reviews.lineOf("bypass_pull_request_allowances")));
        }
        for (YamlNode n : m.list("collaborators")) {
            n.asMapping().ifPresent(g -> grant(path, g, "username", false, "push", c, facts));
        }
        for (YamlNode n : m.list("teams")) {
            n.asMapping().ifPresent(g -> grant(path, g, "name", true, "pull", c, facts));
        }
        for (YamlNode n : m.list("environments")) {
            YamlNode.Mapping e = n.asMapping().orElse(null);
            if (e == null || e.string("name").isEmpty()) {
                facts.problem(path, n.line(), "an environments entry needs a name");
                continue;
            }
            List<String> reviewers = new ArrayList<>();
            for (YamlNode r : e.list("reviewers")) {
                r.asMapping().ifPresentOrElse(
                        rm -> reviewers.add(rm.string("type").orElse("User") + ":" + rm.string("id")
                                .or(() -> rm.string("name")).orElse("?")),
                        () -> { if (r.text() != null) { reviewers.add(r.text()); } });
            }
            boolean policy = e.get("deployment_branch_policy").map(v -> v instanceof YamlNode.Mapping).orElse(false);
            c.environments.add(new DeploymentEnvironment(path, e.line(), e.string("name").get(), reviewers,
                    integer(e, "wait_timer", path, facts, 0), bool(e, "prevent_self_review"), policy));
        }
    }

    private static void readSyncRepoSettings(String path, YamlNode.Mapping m, Collector c, Facts.Builder facts) {
        for (YamlNode n : m.list("branchProtectionRules")) {
            YamlNode.Mapping b = n.asMapping().orElse(null);
            if (b == null) {
                continue;
            }
            int approvals = integer(b, "requiredApprovingReviewCount", path, facts, 0);
            c.protections.add(new BranchProtection(path, b.line(), b.string("pattern").orElse("main"), true,
                    approvals > 0, approvals, bool(b, "requiresCodeOwnerReviews"), bool(b, "isAdminEnforced"),
                    !b.list("requiredStatusCheckContexts").isEmpty(), null));
        }
        for (YamlNode n : m.list("permissionRules")) {
            n.asMapping().ifPresent(g -> grant(path, g, "team", true, "pull", c, facts));
        }
    }

    private static void grant(String path, YamlNode.Mapping g, String nameKey, boolean team, String fallback,
            Collector c, Facts.Builder facts) {
        String who = g.string(nameKey).orElse(null);
        if (who == null) {
            facts.problem(path, g.line(), "a permission entry needs '" + nameKey + "'");
            return;
        }
        String permission = g.string("permission").orElse(fallback);
        if (!PERMISSIONS.contains(permission)) {
            facts.problem(path, g.lineOf("permission"), "permission '" + permission + "' of " + who
                    + " is not one of pull, triage, push, maintain, admin; GitHub reads it as a custom role name"
                    + " and rejects it if there is none");
        }
        c.grants.add(new AccessGrant(path, g.line(), who, team, permission));
    }

    private static void readTerraform(String path, HclBody body, Collector c) {
        boolean used = false;
        for (HclBlock r : body.blocks("resource")) {
            if (r.labels().size() < 2) {
                continue;
            }
            switch (r.labels().get(0)) {
                case "github_branch_protection", "github_branch_protection_v3" -> {
                    String branch = text(r, "pattern").or(() -> text(r, "branch")).orElse("?");
                    HclBlock reviews = r.block("required_pull_request_reviews").orElse(null);
                    int approvals = reviews == null ? 0 : integer(reviews, "required_approving_review_count")
                            .orElse(1);
                    // pull_request_bypassers (github_branch_protection: "/user", "org/team", app node ids) or a
                    // bypass_pull_request_allowances block (github_branch_protection_v3: users, teams, apps)
                    List<String> bypass = new ArrayList<>();
                    int bypassLine = 0;
                    if (reviews != null) {
                        for (String who : items(reviews, "pull_request_bypassers")) {
                            bypass.add(who.startsWith("/") ? who.substring(1) : who.contains("/") ? "team " + who
                                    : who);
                            bypassLine = reviews.lineOf("pull_request_bypassers");
                        }
                        HclBlock allowances = reviews.block("bypass_pull_request_allowances").orElse(null);
                        if (allowances != null) {
                            items(allowances, "users").forEach(bypass::add);
                            items(allowances, "teams").forEach(t -> bypass.add("team " + t));
                            items(allowances, "apps").forEach(a -> bypass.add("app " + a));
                            bypassLine = allowances.line();
                        }
                    }
                    c.protections.add(new BranchProtection(path, r.line(), branch, true, reviews != null, approvals,
                            reviews == null ? Boolean.FALSE : bool(reviews, "require_code_owner_reviews")
                                    .orElse(false),
                            bool(r, "enforce_admins").orElse(false), r.block("required_status_checks").isPresent(),
                            r.block("restrict_pushes").isPresent() || r.block("restrictions").isPresent(), bypass,
                            bypassLine));
                    used = true;
                }
                case "gitlab_branch_protection" -> {
                    String push = text(r, "push_access_level").orElse("maintainer");
                    c.protections.add(new BranchProtection(path, r.line(), text(r, "branch").orElse("?"), true,
                            false, 0, bool(r, "code_owner_approval_required").orElse(false), null, false,
                            push.equalsIgnoreCase("no one")));
                    used = true;
                }
                case "github_repository_environment" -> {
                    List<String> reviewers = new ArrayList<>();
                    r.block("reviewers").ifPresent(b -> {
                        items(b, "users").forEach(u -> reviewers.add("User:" + u));
                        items(b, "teams").forEach(t -> reviewers.add("Team:" + t));
                    });
                    c.environments.add(new DeploymentEnvironment(path, r.line(), text(r, "environment")
                            .orElse(r.labels().get(1)), reviewers, integer(r, "wait_timer").orElse(0),
                            bool(r, "prevent_self_review").orElse(false),
                            r.block("deployment_branch_policy").isPresent()));
                    used = true;
                }
                case "github_team_repository" -> {
                    c.grants.add(new AccessGrant(path, r.line(), text(r, "team_id").orElse(r.labels().get(1)), true,
                            text(r, "permission").orElse("pull")));
                    used = true;
                }
                case "github_repository_collaborator" -> {
                    c.grants.add(new AccessGrant(path, r.line(), text(r, "username").orElse(r.labels().get(1)),
                            false, text(r, "permission").orElse("push")));
                    used = true;
                }
                default -> { }
            }
        }
        if (used) {
            c.sources.add(path);
        }
    }

    /** A string's text, a number or boolean as written, or an expression's source ({@code "${x}"} as {@code x}). */
    private static Optional<String> text(HclBlock b, String name) {
        return b.attribute(name).map(a -> text(a.value()));
    }

    private static String text(HclValue v) {
        if (v instanceof HclValue.Literal l) {
            return l.text() == null ? "null" : l.text();
        }
        if (v instanceof HclValue.Template t && t.parts().size() == 1) {
            return t.parts().get(0).source();
        }
        return v.source();
    }

    /** A list's items as text, or the one value. */
    private static List<String> items(HclBlock b, String name) {
        return b.attribute(name).map(a -> a.value() instanceof HclValue.ListValue list
                ? list.items().stream().map(AccessSettingsScanner::text).toList() : List.of(text(a.value())))
                .orElse(List.of());
    }

    private static Optional<Boolean> bool(HclBlock b, String name) {
        return text(b, name).filter(t -> t.equals("true") || t.equals("false")).map(Boolean::parseBoolean);
    }

    private static Optional<Integer> integer(HclBlock b, String name) {
        return text(b, name).filter(t -> t.matches("\\d{1,9}")).map(Integer::parseInt);
    }

    private static Boolean bool(YamlNode.Mapping m, String key) {
        return m.string(key).filter(t -> t.equals("true") || t.equals("false")).map(Boolean::parseBoolean)
                .orElse(null);
    }

    private static int integer(YamlNode.Mapping m, String key, String path, Facts.Builder facts, int fallback) {
        String t = m.string(key).orElse(null);
        if (t == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            facts.problem(path, m.lineOf(key), key + " must be a whole number, not '" + t + "'");
            return fallback;
        }
    }
}
