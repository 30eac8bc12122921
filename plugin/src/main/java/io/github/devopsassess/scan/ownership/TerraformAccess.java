package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.BroadGrant;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclValue;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds, in one Terraform file, the infrastructure access that grants everything: AWS IAM statements that allow every
 * action ({@code aws_iam_policy_document} statements, {@code jsonencode}d or JSON policies of {@code aws_iam_*policy}
 * and inline policies), the AdministratorAccess managed policy, GCP {@code roles/owner} IAM members and bindings,
 * Azure {@code Owner} role assignments, and Kubernetes bindings to {@code cluster-admin}. Only literal values count:
 * a role or action given by a variable is not guessed.
 */
final class TerraformAccess {

    /** Words that make a file worth parsing for access. */
    static final Pattern MARKER = Pattern.compile("\"(aws_iam_|google_(project|folder|organization)_iam_"
            + "|azurerm_role_assignment|kubernetes_(cluster_)?role_binding)");

    private static final Pattern ACCESS_TYPE = Pattern.compile(MARKER.pattern().substring(1));
    private static final Set<String> AWS_POLICIES = Set.of("aws_iam_policy", "aws_iam_role_policy",
            "aws_iam_user_policy", "aws_iam_group_policy");
    private static final Set<String> AWS_ATTACHMENTS = Set.of("aws_iam_role_policy_attachment",
            "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment");
    private static final Pattern GOOGLE_IAM = Pattern.compile(
            "google_(project|folder|organization)_iam_(member|binding)");
    private static final Pattern K8S_BINDING = Pattern.compile("kubernetes_(cluster_)?role_binding(_v1)?");
    private static final String ADMINISTRATOR_ACCESS = ":policy/AdministratorAccess";

    private final String path;
    private final YamlReader json = new YamlReader();
    final List<BroadGrant> grants = new ArrayList<>();
    int declarations;

    TerraformAccess(String path) {
        this.path = path;
    }

    /** Reads the file's resources and data sources; true when it declares any access this reader understands. */
    boolean read(HclBody body) {
        int before = declarations;
        for (HclBlock b : body.blocks()) {
            if (b.labels().size() != 2) {
                continue;
            }
            String type = b.labels().get(0);
            String address = (b.type().equals("data") ? "data." : "") + type + "." + b.labels().get(1);
            if (b.type().equals("data") && type.equals("aws_iam_policy_document")) {
                policyDocument(b, address);
            } else if (!b.type().equals("resource")) {
                continue;
            } else if (AWS_POLICIES.contains(type)) {
                b.attribute("policy").ifPresent(a -> policy(a.value(), a.line(), address, awsPrincipal(b)));
            } else if (type.equals("aws_iam_role")) {
                awsRole(b, address);
            } else if (AWS_ATTACHMENTS.contains(type)) {
                declarations++;
                text(b, "policy_arn").filter(arn -> arn.endsWith(ADMINISTRATOR_ACCESS)).ifPresent(arn -> grants.add(
                        new BroadGrant(path, b.lineOf("policy_arn"), BroadGrant.Kind.OWNER_ROLE, address,
                                awsPrincipal(b), "managed policy AdministratorAccess")));
            } else if (GOOGLE_IAM.matcher(type).matches()) {
                declarations++;
                text(b, "role").filter(r -> r.equals("roles/owner")).ifPresent(r -> grants.add(new BroadGrant(path,
                        b.lineOf("role"), BroadGrant.Kind.OWNER_ROLE, address, principal(b, "member", "members"),
                        "role roles/owner")));
            } else if (type.equals("azurerm_role_assignment")) {
                declarations++;
                text(b, "role_definition_name").filter(r -> r.equalsIgnoreCase("Owner")).ifPresent(r -> grants.add(
                        new BroadGrant(path, b.lineOf("role_definition_name"), BroadGrant.Kind.OWNER_ROLE, address,
                                principal(b, "principal_id"), "role Owner"
                                        + text(b, "scope").map(s -> " on " + s).orElse(""))));
            } else if (K8S_BINDING.matcher(type).matches()) {
                declarations++;
                b.block("role_ref").filter(r -> text(r, "name").filter("cluster-admin"::equals).isPresent())
                        .ifPresent(r -> grants.add(new BroadGrant(path, r.lineOf("name"),
                                BroadGrant.Kind.CLUSTER_ADMIN, address, subjects(b), "role cluster-admin")));
            }
        }
        // a file whose access resources take every value from variables still declares access
        return declarations > before || body.blocks().stream().anyMatch(x -> x.labels().size() == 2
                && ACCESS_TYPE.matcher(x.labels().get(0)).lookingAt());
    }

    private void policyDocument(HclBlock document, String address) {
        for (HclBlock statement : document.blocks("statement")) {
            declarations++;
            boolean allow = text(statement, "effect").map(e -> e.equalsIgnoreCase("Allow")).orElse(true);
            if (allow && statement.attribute("actions").map(a -> wildcard(a.value())).orElse(false)) {
                grants.add(new BroadGrant(path, statement.lineOf("actions"), BroadGrant.Kind.WILDCARD_POLICY,
                        address, null, "actions [\"*\"]" + statement.attribute("resources")
                                .map(r -> " on resources " + r.value().source().replaceAll("\\s+", " ")).orElse("")));
            }
        }
    }

    private void awsRole(HclBlock role, String address) {
        for (HclBlock inline : role.blocks("inline_policy")) {
            inline.attribute("policy").ifPresent(a -> policy(a.value(), a.line(), address, address));
        }
        role.attribute("managed_policy_arns").ifPresent(a -> {
            declarations++;
            if (a.value() instanceof HclValue.ListValue list && list.items().stream().map(TerraformAccess::literal)
                    .anyMatch(s -> s != null && s.endsWith(ADMINISTRATOR_ACCESS))) {
                grants.add(new BroadGrant(path, a.line(), BroadGrant.Kind.OWNER_ROLE, address, address,
                        "managed policy AdministratorAccess"));
            }
        });
    }

    /** A policy given as {@code jsonencode({...})} or as JSON text (quoted or heredoc). */
    private void policy(HclValue value, int line, String address, String principal) {
        if (value instanceof HclValue.Call call && call.function().equals("jsonencode")
                && call.arguments().size() == 1) {
            statements(call.arguments().get(0)).forEach(s -> {
                declarations++;
                boolean allow = entry(s, "Effect").map(TerraformAccess::literal).map(e -> e.equalsIgnoreCase("Allow"))
                        .orElse(false);
                Optional<HclValue> action = entry(s, "Action");
                if (allow && action.isPresent() && wildcard(action.get())) {
                    grants.add(new BroadGrant(path, action.get().line(), BroadGrant.Kind.WILDCARD_POLICY, address,
                            principal, "Action \"*\"" + entry(s, "Resource").map(r -> " on Resource "
                                    + r.source().replaceAll("\\s+", " ")).orElse("")));
                }
            });
        } else if (value instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING
                && l.text().strip().startsWith("{")) {
            jsonPolicy(l, address, principal);
        }
    }

    private void jsonPolicy(HclValue.Literal policy, String address, String principal) {
        // a heredoc's text starts on the line after <<EOF; a quoted string's on its own line
        int offset = policy.source().startsWith("<<") ? policy.line() : policy.line() - 1;
        YamlReader.Result result = json.read(path, policy.text());
        if (result.problem().isPresent() || result.first().flatMap(YamlNode::asMapping).isEmpty()) {
            return; // not JSON we can read: Terraform would say so itself
        }
        YamlNode statements = result.first().flatMap(YamlNode::asMapping).get().get("Statement").orElse(null);
        List<YamlNode> list = statements == null ? List.of() : statements.asSequence()
                .map(YamlNode.Sequence::items).orElse(List.of(statements));
        for (YamlNode n : list) {
            if (!(n instanceof YamlNode.Mapping s)) {
                continue;
            }
            declarations++;
            boolean allow = s.string("Effect").map(e -> e.equalsIgnoreCase("Allow")).orElse(false);
            YamlNode action = s.get("Action").orElse(null);
            boolean all = action != null && (isStar(action.text()) || action.asSequence()
                    .map(q -> q.items().stream().anyMatch(i -> isStar(i.text()))).orElse(false));
            if (allow && all) {
                grants.add(new BroadGrant(path, offset + s.lineOf("Action"), BroadGrant.Kind.WILDCARD_POLICY,
                        address, principal, "Action \"*\"" + s.get("Resource").map(r -> " on Resource "
                                + (r.text() != null ? "\"" + r.text() + "\"" : "[…]")).orElse("")));
            }
        }
    }

    private static List<HclValue.ObjectValue> statements(HclValue document) {
        if (!(document instanceof HclValue.ObjectValue o)) {
            return List.of();
        }
        HclValue s = o.get("Statement").orElse(null);
        if (s instanceof HclValue.ObjectValue one) {
            return List.of(one);
        }
        if (s instanceof HclValue.ListValue list) {
            return list.items().stream().filter(HclValue.ObjectValue.class::isInstance)
                    .map(HclValue.ObjectValue.class::cast).toList();
        }
        return List.of();
    }

    private static Optional<HclValue> entry(HclValue.ObjectValue o, String key) {
        return o.get(key);
    }

    /** {@code "*"}, {@code "*:*"} or a list holding one of them. */
    private static boolean wildcard(HclValue v) {
        if (v instanceof HclValue.ListValue list) {
            return list.items().stream().anyMatch(i -> isStar(literal(i)));
        }
        return isStar(literal(v));
    }

    private static boolean isStar(String s) {
        return s != null && (s.equals("*") || s.equals("*:*"));
    }

    private static String literal(HclValue v) {
        return v instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING ? l.text() : null;
    }

    private static Optional<String> text(HclBlock b, String name) {
        return b.attribute(name).map(a -> literal(a.value()));
    }

    /** The role, user or group an AWS policy or attachment is given to, as written. */
    private static String awsPrincipal(HclBlock b) {
        return principal(b, "role", "user", "group", "roles", "users", "groups");
    }

    /** The first of these attributes as written: a string's text, a list's items, else the expression. */
    private static String principal(HclBlock b, String... names) {
        for (String name : names) {
            Optional<HclValue> v = b.attribute(name).map(a -> a.value());
            if (v.isPresent()) {
                return render(v.get());
            }
        }
        return null;
    }

    private static String render(HclValue v) {
        if (v instanceof HclValue.ListValue list) {
            return String.join(", ", list.items().stream().map(TerraformAccess::render).toList());
        }
        String literal = literal(v);
        return literal != null ? literal : v.source().replaceAll("\\s+", " ");
    }

    /** {@code kind:name} of each subject of a binding. */
    private static String subjects(HclBlock binding) {
        List<String> out = new ArrayList<>();
        for (HclBlock s : binding.blocks("subject")) {
            out.add(text(s, "kind").orElse("?").toLowerCase(Locale.ROOT) + ":" + s.attribute("name")
                    .map(a -> render(a.value())).orElse("?"));
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }
}
