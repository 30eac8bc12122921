package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI recipes in {@code docs/recipes/} are complete files that users copy as they are: each parses, has the parts
 * docs/ci-recipes.adoc promises, and names only real goals and {@code devops.*} properties of this plugin.
 */
class CiRecipesTest {

    private static final Path RECIPES = Path.of("../docs/recipes");
    private static final Pattern COORDINATES = Pattern.compile("([\\w.-]+):devops-maven-plugin:([\\w.-]+):(\\w+)");
    private static final Pattern PROPERTY = Pattern.compile("-D(devops\\.[\\w.]+)");

    private static String read(String name) throws Exception {
        return Files.readString(RECIPES.resolve(name), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String name) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(read(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Map<String, Object> step(List<Object> steps, String uses) {
        return steps.stream().map(CiRecipesTest::map).filter(s -> String.valueOf(s.get("uses")).startsWith(uses + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @Test
    void githubActionsRecipeFetchesTheHistoryCachesUploadsSarifAndPublishesTheSite() throws Exception {
        Map<String, Object> workflow = yaml("github-actions.yml");
        Map<String, Object> assess = map(map(workflow.get("jobs")).get("assess"));
        assertThat(map(assess.get("permissions"))).containsEntry("security-events", "write");
        List<Object> steps = list(assess.get("steps"));
        assertThat(map(step(steps, "actions/checkout").get("with"))).containsEntry("fetch-depth", 0);
        Map<String, Object> cache = map(step(steps, "actions/cache").get("with"));
        assertThat(cache.get("path")).isEqualTo("~/.cache/devops");
        String run = steps.stream().map(CiRecipesTest::map).map(s -> String.valueOf(s.get("run")))
                .filter(r -> r.contains("devops-maven-plugin")).findFirst().orElseThrow();
        assertThat(run).contains("-Ddevops.cache=$HOME/.cache/devops").contains("-Ddevops.formats=")
                .contains("-Ddevops.pseudonymKey=\"$DEVOPS_PSEUDONYM_KEY\"");
        Map<String, Object> sarif = map(step(steps, "github/codeql-action/upload-sarif").get("with"));
        assertThat(sarif).containsEntry("sarif_file", "target/devops/devops.sarif");
        assertThat(String.valueOf(sarif.get("category"))).isNotBlank();
        assertThat(map(step(steps, "actions/upload-pages-artifact").get("with"))).containsEntry("path",
                "target/devops/site");
        Map<String, Object> pages = map(map(workflow.get("jobs")).get("pages"));
        assertThat(map(pages.get("permissions"))).containsEntry("pages", "write").containsEntry("id-token", "write");
        step(list(pages.get("steps")), "actions/deploy-pages");
    }

    @Test
    void portfolioRecipeShardsRepositoriesAcrossMatrixJobsAndAggregatesTheirArtifacts() throws Exception {
        Map<String, Object> workflow = yaml("github-actions-portfolio.yml");
        Map<String, Object> assess = map(map(workflow.get("jobs")).get("assess"));
        List<Object> shards = list(map(map(assess.get("strategy")).get("matrix")).get("shard"));
        assertThat(shards).hasSize(20).doesNotHaveDuplicates();
        List<Object> steps = list(assess.get("steps"));
        String run = steps.stream().map(CiRecipesTest::map).map(s -> String.valueOf(s.get("run")))
                .filter(r -> r.contains(":assess")).findFirst().orElseThrow();
        assertThat(run).contains("% 20 == shard").contains("-Ddevops.repository=").contains("-Ddevops.output=\"assessments/");
        assertThat(map(step(steps, "actions/upload-artifact").get("with"))).containsEntry("path", "assessments/");
        Map<String, Object> portfolio = map(map(workflow.get("jobs")).get("portfolio"));
        assertThat(portfolio.get("needs")).isEqualTo("assess");
        List<Object> merge = list(portfolio.get("steps"));
        assertThat(map(step(merge, "actions/download-artifact").get("with"))).containsEntry("pattern",
                "assessments-*").containsEntry("merge-multiple", true).containsEntry("path", "assessments");
        String aggregate = merge.stream().map(CiRecipesTest::map).map(s -> String.valueOf(s.get("run")))
                .filter(r -> r.contains(":aggregate")).findFirst().orElseThrow();
        assertThat(aggregate).contains("-Ddevops.assessments=assessments")
                .contains("-Ddevops.previousPortfolio=previous/portfolio.json");
    }

    @Test
    void gitlabRecipeClonesFullyReportsJunitAndPublishesPages() throws Exception {
        Map<String, Object> ci = yaml("gitlab-ci.yml");
        assertThat(map(ci.get("variables"))).containsEntry("GIT_DEPTH", "0");
        Map<String, Object> job = map(ci.get("devops-assessment"));
        assertThat(map(map(job.get("artifacts")).get("reports"))).containsEntry("junit", "target/devops/devops-junit.xml");
        assertThat(list(map(job.get("cache")).get("paths"))).contains(".devops-cache");
        assertThat(String.join("\n", list(job.get("script")).stream().map(String::valueOf).toList()))
                .contains("-Ddevops.cache=$CI_PROJECT_DIR/.devops-cache")
                .contains("-Ddevops.pseudonymKey=\"$DEVOPS_PSEUDONYM_KEY\"");
        Map<String, Object> pages = map(ci.get("pages"));
        assertThat(list(map(pages.get("artifacts")).get("paths"))).containsExactly("public");
        assertThat(list(pages.get("script")).toString()).contains("target/devops/site/.");
    }

    @Test
    void jenkinsfileIsABalancedDeclarativePipeline() throws Exception {
        String jenkinsfile = read("Jenkinsfile");
        assertBalanced(jenkinsfile);
        assertThat(jenkinsfile).contains("pipeline {").contains("stages {").contains("stage('Assess')")
                .contains("post {").contains("cloneOption(shallow: false")
                .contains("junit testResults: 'target/devops/devops-junit.xml'")
                .contains("reportDir: 'target/devops/site'");
    }

    /** Brackets balance outside strings and comments, as Groovy needs. */
    private static void assertBalanced(String groovy) {
        Deque<Character> open = new ArrayDeque<>();
        int line = 1;
        for (int i = 0; i < groovy.length(); i++) {
            char c = groovy.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '/' && i + 1 < groovy.length() && groovy.charAt(i + 1) == '/') {
                i = groovy.indexOf('\n', i) - 1;
                if (i < 0) {
                    break;
                }
            } else if (c == '\'' || c == '"') {
                int end = groovy.indexOf(c, i + 1);
                assertThat(end).as("string opened on line " + line + " is closed").isPositive();
                assertThat(groovy.substring(i, end)).as("string on line " + line).doesNotContain("\n");
                i = end;
            } else if ("{[(".indexOf(c) >= 0) {
                open.push(c);
            } else if ("}])".indexOf(c) >= 0) {
                assertThat(open).as("closing " + c + " on line " + line).isNotEmpty();
                assertThat("{[(".charAt("}])".indexOf(c))).as("bracket on line " + line).isEqualTo(open.pop());
            }
        }
        assertThat(open).as("unclosed brackets").isEmpty();
    }

    @Test
    void everyRecipeNamesThisPluginItsGoalsAndOnlyRealProperties() throws Exception {
        String version = pluginVersion().replace("-SNAPSHOT", "");
        Set<String> goals = PluginDescriptorTest.goals();
        Set<String> properties = PluginDescriptorTest.allProperties();
        for (String name : List.of("github-actions.yml", "github-actions-portfolio.yml", "gitlab-ci.yml",
                "Jenkinsfile")) {
            String recipe = read(name);
            Matcher m = COORDINATES.matcher(recipe);
            int found = 0;
            while (m.find()) {
                found++;
                assertThat(m.group(1)).as(name).isEqualTo("io.github.devopsassess");
                assertThat(m.group(2)).as(name + ": the released version of this build").isEqualTo(version);
                assertThat(goals).as(name).contains(m.group(3));
            }
            assertThat(found).as(name + " runs the plugin").isPositive();
            Matcher p = PROPERTY.matcher(recipe);
            while (p.find()) {
                assertThat(properties).as(name + " uses " + p.group(1)).contains(p.group(1));
            }
        }
    }

    private static String pluginVersion() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile())
                .getDocumentElement().getElementsByTagName("version").item(0).getTextContent().trim();
    }
}
