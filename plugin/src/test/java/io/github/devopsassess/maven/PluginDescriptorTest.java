package io.github.devopsassess.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor ({@code process-classes} writes it before the tests run) is what {@code help} and
 * the goal pages show: each goal lists only the parameters it reads, each with a {@code devops.} property, a
 * description and an {@code @since} tag.
 */
class PluginDescriptorTest {

    /** A goal's user-settable parameters: name → (property, default, description, since). */
    record Param(String property, String defaultValue, String description, String since) {
    }

    private static final Map<String, Map<String, Param>> GOALS = new TreeMap<>();
    private static final Map<String, String> GOAL_SINCE = new TreeMap<>();

    @BeforeAll
    static void readDescriptor() throws Exception {
        Path xml = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertThat(xml).as("maven-plugin-plugin writes the descriptor in process-classes").exists();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(xml.toFile());
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            GOAL_SINCE.put(goal, text(mojo, "since"));
            Map<String, String> expressions = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            Element config = (Element) mojo.getElementsByTagName("configuration").item(0);
            if (config != null) {
                NodeList entries = config.getChildNodes();
                for (int j = 0; j < entries.getLength(); j++) {
                    if (entries.item(j) instanceof Element e) {
                        expressions.put(e.getTagName(), e.getTextContent());
                        defaults.put(e.getTagName(), e.getAttribute("default-value"));
                    }
                }
            }
            Map<String, Param> params = new TreeMap<>();
            NodeList ps = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < ps.getLength(); j++) {
                Element p = (Element) ps.item(j);
                if ("false".equals(text(p, "editable"))) {
                    continue; // project, session, execution: injected, not set by users
                }
                String name = text(p, "name");
                String expr = expressions.getOrDefault(name, "");
                params.put(name, new Param(expr.startsWith("${") ? expr.substring(2, expr.length() - 1) : "",
                        defaults.get(name), text(p, "description"), text(p, "since")));
            }
            GOALS.put(goal, params);
        }
    }

    private static String text(Element e, String child) {
        NodeList l = e.getElementsByTagName(child);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    /** Every property a goal understands, for the recipes' test. */
    static Set<String> allProperties() throws Exception {
        if (GOALS.isEmpty()) {
            readDescriptor();
        }
        Set<String> properties = new java.util.TreeSet<>();
        GOALS.values().forEach(ps -> ps.values().forEach(p -> properties.add(p.property())));
        return properties;
    }

    static Set<String> goals() throws Exception {
        if (GOALS.isEmpty()) {
            readDescriptor();
        }
        return GOALS.keySet();
    }

    @Test
    void everyGoalIncludingHelpIsThereAndHasASinceTag() {
        assertThat(GOALS.keySet()).containsExactlyInAnyOrder("aggregate", "assess", "baseline", "check", "help",
                "report", "rubric");
        GOAL_SINCE.forEach((goal, since) -> {
            if (!goal.equals("help")) {
                assertThat(since).as(goal).isEqualTo("0.1.0");
            }
        });
    }

    @Test
    void everyParameterHasADevopsPropertyADescriptionAndASinceTag() {
        List<String> faults = new ArrayList<>();
        GOALS.forEach((goal, params) -> {
            if (goal.equals("help")) {
                return; // generated: -Ddetail, -Dgoal as every plugin's help goal
            }
            params.forEach((name, p) -> {
                if (!p.property().startsWith("devops.")) {
                    faults.add(goal + "." + name + " has property '" + p.property() + "'");
                }
                if (p.description() == null || p.description().isBlank()) {
                    faults.add(goal + "." + name + " has no description");
                } else if (p.description().contains("@since")) {
                    faults.add(goal + "." + name + " has '@since' in its text instead of as a tag");
                }
                if (!"0.1.0".equals(p.since())) {
                    faults.add(goal + "." + name + " has since " + p.since());
                }
            });
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void eachGoalShowsOnlyTheParametersItReads() {
        Set<String> scanning = Set.of("repository", "ref", "profile", "showNames", "bots", "lineCounts", "cache",
                "identities", "releaseTags", "deployMarkers", "historyThreads", "sourceExcludes", "maxFileSize",
                "productionPatterns", "outputTimestamp");
        Set<String> gating = Set.of("waivers", "failOnRegression", "tolerance", "failOnSeverity", "minimumScore",
                "minimumLevel", "failOnUnusedBaseline", "ratchet");
        assertThat(GOALS.get("check").keySet()).doesNotContainAnyElementsOf(scanning).containsAll(gating);
        assertThat(GOALS.get("baseline").keySet()).doesNotContainAnyElementsOf(gating).containsAll(scanning);
        assertThat(GOALS.get("assess").keySet()).containsAll(scanning).containsAll(gating).contains("formats");
        assertThat(GOALS.get("aggregate").keySet()).doesNotContainAnyElementsOf(scanning)
                .doesNotContain("waivers", "ratchet", "failOnSeverity", "baseline");
        assertThat(GOALS.get("report").keySet()).containsExactlyInAnyOrder("skip", "devopsOutput");
        assertThat(GOALS.get("rubric").keySet()).containsExactlyInAnyOrder("skip", "rubric", "profile",
                "rubricOutput", "print");
    }

    @Test
    void assessAndCheckDeclareTheGateAlike() {
        Map<String, Param> check = GOALS.get("check");
        Map<String, Param> assess = GOALS.get("assess");
        check.forEach((name, p) -> {
            if (!Set.of("output", "rubric").contains(name)) { // where the saved assessment is read from
                assertThat(assess.get(name)).as(name).isEqualTo(p);
            }
        });
    }

    @Test
    void noGoalTightensTheBaselineByDefault() {
        assertThat(GOALS.get("assess").get("ratchet").defaultValue()).isEqualTo("false");
        assertThat(GOALS.get("check").get("ratchet").defaultValue()).isEqualTo("false");
    }

    /** Only the {@code maven} package may import Maven's API. */
    @Test
    void onlyTheMavenPackageImportsMaven() throws Exception {
        Path main = Path.of("src/main/java/io/github/devopsassess");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(main.resolve("maven"))) {
                    continue;
                }
                if (Files.readString(f).contains("import org.apache.maven")) {
                    offenders.add(main.relativize(f).toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
