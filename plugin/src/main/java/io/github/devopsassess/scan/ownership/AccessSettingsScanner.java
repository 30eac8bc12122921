package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.AccessFacts;
import io.github.devopsassess.facts.ownership.AccessGrant;
import io.github.devopsassess.facts.ownership.BranchProtection;
import io.github.devopsassess.facts.ownership.DeploymentEnvironment;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.ScanFiles;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads repository access declared as code: the repository-settings app's {@code .github/settings.yml},
 * {@code .github/sync-repo-settings.yaml}, and Terraform {@code github_branch_protection(_v3)},
 * {@code github_repository_environment}, {@code github_team_repository}, {@code github_repository_collaborator} and
 * {@code gitlab_branch_protection}.
 */
public final class AccessSettingsScanner implements Scanner {

    static final Set<String> PERMISSIONS = Set.of("pull", "triage", "push", "maintain", "admin");

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
        SimpleHcl hcl = new SimpleHcl();
        for (String path : tree.files()) {
            if (path.endsWith(".tf")) {
                readTerraform(tree, hcl, path, c, facts);
            }
        }
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
            c.protections.add(new BranchProtection(path, b.line(), b.string("name").get(), true, reviews != null,
                    approvals, reviews == null ? Boolean.FALSE : bool(reviews, "require_code_owner_reviews"),
                    bool(p, "enforce_admins"), p.mapping("required_status_checks").isPresent(),
                    p.mapping("restrictions").isPresent()));
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

    private static void readTerraform(RepoTree tree, SimpleHcl hcl, String path, Collector c, Facts.Builder facts) {
        RepoTree.TextRead read = tree.readText(path);
        if (!read.ok() || !(read.text().contains("github_") || read.text().contains("gitlab_"))) {
            return; // most Terraform says nothing about repository access; do not parse it
        }
        SimpleHcl.Result result = hcl.read(read.text());
        if (result.problem() != null) {
            facts.problem(path, result.problemLine(), "Terraform could not be read: " + result.problem());
        }
        boolean used = false;
        for (SimpleHcl.Block r : result.blocks()) {
            if (!r.type().equals("resource") || r.labels().size() < 2) {
                continue;
            }
            switch (r.labels().get(0)) {
                case "github_branch_protection", "github_branch_protection_v3" -> {
                    String branch = r.attribute("pattern").or(() -> r.attribute("branch"))
                            .map(SimpleHcl.Attribute::text).orElse("?");
                    SimpleHcl.Block reviews = r.block("required_pull_request_reviews").orElse(null);
                    int approvals = reviews == null ? 0 : reviews.integer("required_approving_review_count")
                            .orElse(1);
                    c.protections.add(new BranchProtection(path, r.line(), branch, true, reviews != null, approvals,
                            reviews == null ? Boolean.FALSE : reviews.bool("require_code_owner_reviews")
                                    .orElse(false),
                            r.bool("enforce_admins").orElse(false), r.block("required_status_checks").isPresent(),
                            r.block("restrict_pushes").isPresent() || r.block("restrictions").isPresent()));
                    used = true;
                }
                case "gitlab_branch_protection" -> {
                    String push = r.attribute("push_access_level").map(SimpleHcl.Attribute::text).orElse("maintainer");
                    c.protections.add(new BranchProtection(path, r.line(),
                            r.attribute("branch").map(SimpleHcl.Attribute::text).orElse("?"), true, false, 0,
                            r.bool("code_owner_approval_required").orElse(false), null, false,
                            push.equalsIgnoreCase("no one")));
                    used = true;
                }
                case "github_repository_environment" -> {
                    List<String> reviewers = new ArrayList<>();
                    r.block("reviewers").ifPresent(b -> {
                        b.attribute("users").ifPresent(a -> a.items().forEach(u -> reviewers.add("User:" + u)));
                        b.attribute("teams").ifPresent(a -> a.items().forEach(t -> reviewers.add("Team:" + t)));
                    });
                    c.environments.add(new DeploymentEnvironment(path, r.line(), r.attribute("environment")
                            .map(SimpleHcl.Attribute::text).orElse(r.labels().get(1)), reviewers,
                            r.integer("wait_timer").orElse(0), r.bool("prevent_self_review").orElse(false),
                            r.block("deployment_branch_policy").isPresent()));
                    used = true;
                }
                case "github_team_repository" -> {
                    c.grants.add(new AccessGrant(path, r.line(), r.attribute("team_id").map(SimpleHcl.Attribute::text)
                            .orElse(r.labels().get(1)), true, r.attribute("permission")
                            .map(SimpleHcl.Attribute::text).orElse("pull")));
                    used = true;
                }
                case "github_repository_collaborator" -> {
                    c.grants.add(new AccessGrant(path, r.line(), r.attribute("username")
                            .map(SimpleHcl.Attribute::text).orElse(r.labels().get(1)), false,
                            r.attribute("permission").map(SimpleHcl.Attribute::text).orElse("push")));
                    used = true;
                }
                default -> { }
            }
        }
        if (used) {
            c.sources.add(path);
        }
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
