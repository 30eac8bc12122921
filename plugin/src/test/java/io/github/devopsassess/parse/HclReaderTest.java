package io.github.devopsassess.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.devopsassess.model.ParseProblem;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HclReaderTest {

    private final HclReader reader = new HclReader();

    private HclBody read(String text) {
        HclReader.Result r = reader.read("main.tf", text);
        assertThat(r.problem()).as("problem").isEmpty();
        return r.body().orElseThrow();
    }

    @Test
    void readsTheThreeConstructsHcl4jRejected() {
        HclBody body = read("""
                locals {
                  bindings = { for bp in local.branch_protections : "${bp.repository}.${bp.pattern}" => bp }
                  labels = {
                    "${replace(var.domain, ".", "-")}:sub" = "v"
                    plain                                  = "w"
                  }
                  cleaned = { for k, v in var.names : k => replace(v, "_", "-") }
                }
                """);
        HclBlock locals = body.block("locals").orElseThrow();

        HclValue bindings = locals.attribute("bindings").orElseThrow().value();
        assertThat(bindings).isInstanceOf(HclValue.Expression.class);
        assertThat(bindings.source())
                .isEqualTo("{ for bp in local.branch_protections : \"${bp.repository}.${bp.pattern}\" => bp }");
        assertThat(((HclValue.Expression) bindings).reference()).isFalse();

        HclValue.ObjectValue labels = (HclValue.ObjectValue) locals.attribute("labels").orElseThrow().value();
        assertThat(labels.entries()).extracting(HclValue.Entry::key, HclValue.Entry::literalKey, HclValue.Entry::line)
                .containsExactly(tuple("\"${replace(var.domain, \".\", \"-\")}:sub\"", false, 4),
                        tuple("plain", true, 5));
        assertThat(labels.get("plain")).get().extracting(HclValue::text).isEqualTo("w");
        assertThat(labels.entries().get(0).value().text()).isEqualTo("v");

        HclValue cleaned = locals.attribute("cleaned").orElseThrow().value();
        assertThat(cleaned.source()).isEqualTo("{ for k, v in var.names : k => replace(v, \"_\", \"-\") }");
        assertThat(cleaned.line()).isEqualTo(7);
    }

    @Test
    void blocksAttributesAndValuesKnowTheirLines() {
        HclBody body = read("""
                # Terraform for the payments team
                /* a block comment
                   over two lines */
                resource "pagerduty_schedule" "primary" {
                  name = "Primary" // trailing comment

                  description = <<-EOT
                    Weekly rotation.
                      Indented line.
                    EOT
                  layer {
                    users = [
                      pagerduty_user.a.id,
                      pagerduty_user.b.id,
                    ]
                  }
                  layer { name = "one line" }
                }

                variable "zone" { default = "Europe/Berlin" }
                """);
        assertThat(body.blocks()).extracting(HclBlock::type, HclBlock::labels, HclBlock::line).containsExactly(
                tuple("resource", java.util.List.of("pagerduty_schedule", "primary"), 4),
                tuple("variable", java.util.List.of("zone"), 20));
        HclBlock schedule = body.blocks().get(0);
        assertThat(schedule.body().attributes()).extracting(HclAttribute::name, HclAttribute::line)
                .containsExactly(tuple("name", 5), tuple("description", 7));
        assertThat(schedule.attribute("description").orElseThrow().value().text())
                .isEqualTo("Weekly rotation.\n  Indented line.\n");
        assertThat(schedule.blocks("layer")).extracting(HclBlock::line).containsExactly(11, 17);
        HclValue.ListValue users = (HclValue.ListValue) schedule.blocks("layer").get(0).attribute("users")
                .orElseThrow().value();
        assertThat(users.line()).isEqualTo(12);
        assertThat(users.items()).extracting(HclValue::source, HclValue::line).containsExactly(
                tuple("pagerduty_user.a.id", 13), tuple("pagerduty_user.b.id", 14));
        assertThat(schedule.blocks("layer").get(1).lineOf("name")).isEqualTo(17);
        assertThat(body.blocks().get(1).lineOf("default")).isEqualTo(20);
        assertThat(body.blocks().get(1).lineOf("missing")).as("falls back to the block").isEqualTo(20);
    }

    @Test
    void literalsListsObjectsTemplatesAndCalls() {
        HclBody body = read("""
                s     = "say \\"hi\\"\\n\\u00e9 $${literal}"
                u     = "\\u0022quoted\\u0022\\u0009\\U0001F600"
                n     = 42
                f     = -1.5
                t     = true
                z     = null
                l     = ["a", 2, false]
                o     = { a = 1, "b c" = "x" }
                tpl   = "${var.env}-db"
                call  = jsonencode({ Action = "*" })
                ref   = aws_iam_role.deploy["blue"].arn
                cond  = var.prod ? 3 : 1
                """);
        assertThat(value(body, "s")).isEqualTo(new HclValue.Literal(HclValue.Kind.STRING,
                "say \"hi\"\né ${literal}", "\"say \\\"hi\\\"\\né $${literal}\"", 1));
        assertThat(value(body, "u").text()).isEqualTo("\"quoted\"\t😀");
        assertThat(value(body, "n")).extracting(HclValue::text).isEqualTo("42");
        assertThat(value(body, "f")).isInstanceOf(HclValue.Literal.class).extracting(HclValue::text).isEqualTo("-1.5");
        assertThat(((HclValue.Literal) value(body, "t")).kind()).isEqualTo(HclValue.Kind.BOOL);
        assertThat(((HclValue.Literal) value(body, "z")).kind()).isEqualTo(HclValue.Kind.NULL);
        assertThat(((HclValue.ListValue) value(body, "l")).items()).extracting(HclValue::text)
                .containsExactly("a", "2", "false");
        HclValue.ObjectValue o = (HclValue.ObjectValue) value(body, "o");
        assertThat(o.get("b c")).get().extracting(HclValue::text).isEqualTo("x");
        assertThat(o.get("a")).get().extracting(HclValue::text).isEqualTo("1");

        HclValue.Template tpl = (HclValue.Template) value(body, "tpl");
        assertThat(tpl.source()).isEqualTo("\"${var.env}-db\"");
        assertThat(tpl.parts()).extracting(HclValue::source).containsExactly("var.env", "-db");

        HclValue.Call call = (HclValue.Call) value(body, "call");
        assertThat(call.function()).isEqualTo("jsonencode");
        assertThat(((HclValue.ObjectValue) call.arguments().get(0)).get("Action")).get().extracting(HclValue::text)
                .isEqualTo("*");

        HclValue.Expression ref = (HclValue.Expression) value(body, "ref");
        assertThat(ref.reference()).isTrue();
        assertThat(ref.source()).isEqualTo("aws_iam_role.deploy[\"blue\"].arn");
        assertThat(((HclValue.Expression) value(body, "cond")).reference()).isFalse();
    }

    @Test
    void anUnclosedBraceIsOneProblemWithTheFileAndTheLine() {
        HclReader.Result r = reader.read("infra/broken.tf", """
                resource "github_team_repository" "ops" {
                  team_id    = "ops"
                  permission = "admin"
                  nested {
                    a = 1
                  }
                """);
        assertThat(r.body()).isEmpty();
        assertThat(r.problem()).get().extracting(ParseProblem::path, ParseProblem::line, ParseProblem::message)
                .containsExactly("infra/broken.tf", 1, "malformed HCL: '{' opened here is never closed");
    }

    @Test
    void anotherSyntaxErrorNamesItsLineAndDoesNotQuoteTheFile() {
        HclReader.Result r = reader.read("prod.tfvars", """
                region = "eu-west-1"
                db_password = = "s3cr3t-Value-1"
                """);
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.path()).isEqualTo("prod.tfvars");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("malformed HCL: ").doesNotContain("s3cr3t");
        });
    }

    @Test
    void nothingReachesTheConsoleWhileReadingGoodOrBadFiles() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            reader.read("a.tf", "resource \"x\" \"y\" {\n  a = [\n}\n");
            reader.read("b.tf", "a = \"unterminated\nb = 1\n");
            reader.read("c.tf", "locals { m = { for k, v in var.m : k => v } }\n");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        HclReader.Result r = reader.read("deep.tf", "a = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        assertThat(r.problem()).get().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("nested deeper than");
        });
    }

    @Test
    void anEmptyFileAndAByteOrderMarkAreFine() {
        assertThat(read("").blocks()).isEmpty();
        assertThat(read("\uFEFFa = 1\n").attribute("a")).get().extracting(HclAttribute::line).isEqualTo(1);
    }

    @Test
    void templateDirectivesAndExponentsWhichTheGrammarLacksAreRead() {
        HclBody body = read("""
                resource "aws_instance" "web" {
                  user_data = <<-EOT
                    #!/bin/sh
                    %{ for name in var.users ~}
                    useradd ${name}
                    %{ endfor ~}
                    EOT
                  tag = "%{ if var.prod }production%{ else }staging%{ endif }"
                  size = 1.5e3
                }
                """);
        HclBlock web = body.block("resource").orElseThrow();
        HclValue userData = web.attribute("user_data").orElseThrow().value();
        assertThat(userData).isInstanceOf(HclValue.Template.class);
        assertThat(userData.source()).isEqualTo("""
                <<-EOT
                    #!/bin/sh
                    %{ for name in var.users ~}
                    useradd ${name}
                    %{ endfor ~}
                    EOT""");
        HclValue tag = web.attribute("tag").orElseThrow().value();
        assertThat(tag).as("a directive is never a literal").isInstanceOf(HclValue.Template.class);
        assertThat(((HclValue.Template) tag).parts()).extracting(HclValue::source).containsExactly(
                "%{ if var.prod }", "production", "%{ else }", "staging", "%{ endif }");
        assertThat(web.lineOf("tag")).isEqualTo(8);
        assertThat(web.attribute("size").orElseThrow().value().text()).isEqualTo("1500");
        assertThat(web.lineOf("size")).isEqualTo(9);
    }

    private static HclValue value(HclBody body, String name) {
        return body.attribute(name).orElseThrow().value();
    }
}
