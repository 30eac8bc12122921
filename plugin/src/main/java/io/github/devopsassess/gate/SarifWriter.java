package io.github.devopsassess.gate;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Severity;
import io.github.devopsassess.output.AtomicFiles;
import io.github.devopsassess.rubric.CheckDef;
import io.github.devopsassess.rubric.Rubric;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code devops.sarif}: SARIF 2.1.0 for code-scanning views. Rules come from the rubric with their help text;
 * every result carries a physical location with a region (line 1 for a whole file, a folder or a
 * missing thing) and, when it has no file, its subject as a logical location too; and the finding's fingerprint
 * as a partial fingerprint so that code-scanning tools track a finding across runs. Waived findings are suppressed,
 * not dropped.
 */
public final class SarifWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Paths are relative to the repository root, which the consumer (code scanning) knows as this base. */
    static final String SRCROOT = "%SRCROOT%";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifWriter() {
    }

    public static void write(Assessment assessment, Rubric rubric, String toolVersion, Path file) throws IOException {
        write(assessment, rubric, toolVersion, null, file);
    }

    /**
     * @param buildFile the assessed folder's build file (e.g. {@code pom.xml}) that findings about something missing
     *     point at, or {@code null} to point at the folder
     */
    public static void write(Assessment assessment, Rubric rubric, String toolVersion, String buildFile, Path file)
            throws IOException {
        AtomicFiles.write(file, toJson(assessment, rubric, toolVersion, buildFile));
    }

    public static String toJson(Assessment assessment, Rubric rubric, String toolVersion) throws IOException {
        return toJson(assessment, rubric, toolVersion, null);
    }

    public static String toJson(Assessment assessment, Rubric rubric, String toolVersion, String buildFile)
            throws IOException {
        String anchor = anchor(assessment.subject().path(), buildFile);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "devops-maven-plugin");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/devopsassess/devops-maven-plugin");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (CheckDef c : rubric.checks().values()) {
            if (!c.enabled()) {
                continue;
            }
            ruleIndex.put(c.id(), ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", c.id());
            rule.put("name", camel(c.id()));
            rule.putObject("shortDescription").put("text", c.title());
            rule.putObject("fullDescription").put("text", c.description().isBlank() ? c.title() : c.description());
            rule.putObject("help").put("text", c.remediation().isBlank() ? c.title() : c.remediation());
            rule.putObject("defaultConfiguration").put("level", level(c.severity()));
            ObjectNode props = rule.putObject("properties");
            props.put("area", c.area());
            props.putArray("tags").add("devops").add(c.area());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : assessment.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.check());
            Integer index = ruleIndex.get(f.check());
            if (index != null) {
                r.put("ruleIndex", index);
            }
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message());
            locations(f, r, anchor);
            r.putObject("partialFingerprints").put("devopsFingerprint/v1", f.fingerprint());
            ObjectNode props = r.putObject("properties");
            props.put("area", f.area());
            props.put("severity", f.severity().id());
            if (f.waived()) {
                ObjectNode s = r.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("status", "accepted");
                s.put("justification", f.waiver().reason() + " by " + f.waiver().owner() + " until "
                        + f.waiver().expires() + " (" + f.waiver().source() + ")");
            }
        }
        if (assessment.subject().commit() != null) {
            ObjectNode vcs = run.putArray("versionControlProvenance").addObject();
            vcs.put("repositoryUri", "urn:devops-assessment:" + urnSafe(assessment.subject().name()));
            vcs.put("revisionId", assessment.subject().commit());
            vcs.putObject("mappedTo").put("uriBaseId", SRCROOT);
            if (assessment.subject().ref() != null) {
                vcs.put("branch", assessment.subject().ref());
            }
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /**
     * Every result gets a physical location with a region, as GitHub code scanning expects: a file finding its
     * lines, a whole-file or folder finding line 1, and a finding about something missing (no file to point at) the
     * assessed folder's anchor at line 1, with the finding's subject kept as a logical location.
     */
    private static void locations(Finding f, ObjectNode r, String anchor) {
        List<Evidence> files = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            if (e.path() != null) {
                files.add(e);
            }
        }
        ArrayNode locations = r.putArray("locations");
        if (files.isEmpty()) {
            ObjectNode location = locations.addObject();
            physical(location, anchor, 1, 1);
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", f.subject() == null || f.subject().isBlank() ? f.check() : f.subject());
            logical.put("kind", "module");
            return;
        }
        for (Evidence e : files) {
            int start = e.startLine() == null ? 1 : e.startLine();
            int end = e.startLine() == null ? 1 : e.endLine() == null ? start : e.endLine();
            physical(locations.addObject(), e.path(), start, end);
        }
    }

    private static void physical(ObjectNode location, String path, int startLine, int endLine) {
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(path));
        artifact.put("uriBaseId", SRCROOT);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", startLine);
        region.put("endLine", endLine);
    }

    /**
     * Where a finding without a file points: the assessed folder's build file when it has one, else the folder.
     *
     * @param subtree the assessed folder, relative to the repository root ({@code ""} for the root)
     * @param buildFile the build file's name in that folder (e.g. {@code pom.xml}), or {@code null}
     */
    static String anchor(String subtree, String buildFile) {
        String folder = subtree == null || subtree.isBlank() ? "" : subtree.replaceAll("/+$", "");
        if (buildFile != null && !buildFile.isBlank()) {
            return folder.isEmpty() ? buildFile : folder + "/" + buildFile;
        }
        return folder.isEmpty() ? "." : folder;
    }

    /** A relative URI reference: spaces and other reserved characters percent-encoded, slashes kept. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static String urnSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
