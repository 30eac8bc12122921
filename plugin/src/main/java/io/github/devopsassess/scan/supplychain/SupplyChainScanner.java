package io.github.devopsassess.scan.supplychain;

import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.supplychain.Capability;
import io.github.devopsassess.facts.supplychain.SupplyChainEvidence;
import io.github.devopsassess.facts.supplychain.SupplyChainFacts;
import io.github.devopsassess.facts.supplychain.WrapperFile;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds how the repository audits its suppliers, line by line in Maven POMs, Gradle build scripts, CI definitions
 * (GitHub Actions, GitLab CI, Jenkins, Azure Pipelines, CircleCI, Travis, Bitbucket) and GoReleaser configurations:
 * SBOM generation, dependency vulnerability scanning, signing and provenance, publishing; and the checksums of the
 * Maven and Gradle wrappers. Comments are skipped. Any recognised tool counts: the rubric accepts alternatives.
 */
public final class SupplyChainScanner implements Scanner {

    private enum Kind { POM, GRADLE, CI, GORELEASER }

    /** A tool recognised by a pattern on one line of one kind of file. */
    private record Rule(Kind kind, Capability capability, String tool, boolean central, Pattern pattern) {
        Rule(Kind kind, Capability capability, String tool, String regex) {
            this(kind, capability, tool, false, Pattern.compile(regex));
        }

        Rule(Kind kind, Capability capability, String tool, boolean central, String regex) {
            this(kind, capability, tool, central, Pattern.compile(regex));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Kind.POM, Capability.SBOM, "cyclonedx-maven-plugin", "<artifactId>\\s*cyclonedx-maven-plugin\\b"),
            new Rule(Kind.POM, Capability.SBOM, "spdx-maven-plugin", "<artifactId>\\s*spdx-maven-plugin\\b"),
            new Rule(Kind.POM, Capability.VULNERABILITY_SCAN, "OWASP dependency-check",
                    "<artifactId>\\s*dependency-check-maven\\b"),
            new Rule(Kind.POM, Capability.VULNERABILITY_SCAN, "OSS Index", "<artifactId>\\s*ossindex-maven-plugin\\b"),
            new Rule(Kind.POM, Capability.SIGNING, "maven-gpg-plugin", "<artifactId>\\s*(maven-gpg-plugin|"
                    + "sign-maven-plugin|sigstore-maven-plugin)\\b"),
            new Rule(Kind.POM, Capability.PUBLISHING, "Maven Central", true, "<artifactId>\\s*(central-publishing-maven"
                    + "-plugin|nexus-staging-maven-plugin)\\b|(oss|s01\\.oss)\\.sonatype\\.org|central\\.sonatype\\.com"),
            new Rule(Kind.POM, Capability.PUBLISHING, "distributionManagement", "<distributionManagement>"),
            new Rule(Kind.GRADLE, Capability.SBOM, "CycloneDX Gradle plugin", "org\\.cyclonedx\\.bom|cyclonedxBom"),
            new Rule(Kind.GRADLE, Capability.SBOM, "SPDX Gradle plugin", "org\\.spdx\\.sbom"),
            new Rule(Kind.GRADLE, Capability.VULNERABILITY_SCAN, "OWASP dependency-check",
                    "org\\.owasp\\.dependencycheck|dependencyCheck\\s*\\{"),
            new Rule(Kind.GRADLE, Capability.SIGNING, "Gradle signing", "id\\s*\\(?\\s*[\"']signing[\"']"
                    + "|apply\\s+plugin\\s*:\\s*[\"']signing[\"']|^\\s*signing\\s*\\{|`signing`"),
            new Rule(Kind.GRADLE, Capability.PUBLISHING, "Maven Central", true, "io\\.github\\.gradle-nexus\\.publish"
                    + "-plugin|com\\.vanniktech\\.maven\\.publish|nexusPublishing\\s*\\{|sonatype\\.org"),
            new Rule(Kind.GRADLE, Capability.PUBLISHING, "maven-publish", "maven-publish|`maven-publish`"),
            new Rule(Kind.CI, Capability.SBOM, "Syft", "anchore/sbom-action|\\bsyft\\b"),
            new Rule(Kind.CI, Capability.SBOM, "CycloneDX", "(?i)cyclonedx|\\bcdxgen\\b"),
            new Rule(Kind.CI, Capability.SBOM, "SPDX", "(?i)\\bspdx\\b(?!-License)"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "OWASP dependency-check", "dependency-check"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "OSV-Scanner", "osv-scanner"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "Trivy", "aquasecurity/trivy-action"
                    + "|\\btrivy\\s+(fs|filesystem|image|repo|repository|rootfs|sbom)\\b"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "Grype", "anchore/scan-action|\\bgrype\\b"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "dependency-review-action",
                    "actions/dependency-review-action"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "Snyk", "(?i)snyk/actions|\\bsnyk\\s+(test|monitor)\\b"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "language audit", "\\b(npm|yarn|pnpm)\\s+audit\\b"
                    + "|\\bpip-audit\\b|\\bgovulncheck\\b|\\bcargo[- ]audit\\b|\\bbundle(r)?[- ]audit\\b"
                    + "|ossindex:audit"),
            new Rule(Kind.CI, Capability.VULNERABILITY_SCAN, "GitLab dependency scanning",
                    "Dependency-Scanning(\\.latest)?\\.gitlab-ci\\.yml"),
            new Rule(Kind.CI, Capability.SIGNING, "cosign", "\\bcosign\\b|sigstore/"),
            new Rule(Kind.CI, Capability.SIGNING, "SLSA provenance", "slsa-framework/slsa-github-generator"
                    + "|actions/attest-build-provenance|actions/attest@"),
            new Rule(Kind.CI, Capability.SIGNING, "GPG", "\\bgpg\\b.*--(detach-sign|sign|clearsign)\\b"
                    + "|maven-gpg-plugin"),
            new Rule(Kind.CI, Capability.SIGNING, "Notation", "\\bnotation\\s+sign\\b|docker\\s+trust\\s+sign"),
            new Rule(Kind.CI, Capability.PUBLISHING, "public package registry", true,
                    "\\bnpm\\s+publish\\b|\\btwine\\s+upload\\b|\\b(poetry|uv)\\s+publish\\b|\\bcargo\\s+publish\\b"
                    + "|\\bgem\\s+push\\b|pypa/gh-action-pypi-publish"),
            new Rule(Kind.CI, Capability.PUBLISHING, "container image", "docker/build-push-action"
                    + "|\\b(docker|podman)\\s+push\\b|jib:build\\b"),
            new Rule(Kind.CI, Capability.PUBLISHING, "build tool deploy", "\\bmvnw?\\b[^\\n]*\\sdeploy\\b"
                    + "|\\bgradlew?\\b[^\\n]*\\spublish"),
            new Rule(Kind.GORELEASER, Capability.SBOM, "GoReleaser sboms", "^\\s*sboms\\s*:"),
            new Rule(Kind.GORELEASER, Capability.SIGNING, "GoReleaser signs", "^\\s*(signs|docker_signs)\\s*:"),
            new Rule(Kind.GORELEASER, Capability.PUBLISHING, "GoReleaser", "^\\s*(builds|release|dockers)\\s*:"));

    private static final Pattern MANIFEST = Pattern.compile("(^|/)(pom\\.xml|build\\.gradle(\\.kts)?|package\\.json"
            + "|go\\.mod|requirements[^/]*\\.txt|pyproject\\.toml|Pipfile|setup\\.py|Cargo\\.toml|Gemfile"
            + "|composer\\.json|[^/]+\\.csproj)$");
    /** Test fixtures, vendored and generated trees: their build files are not how this repository builds. */
    private static final Pattern NOT_OURS = Pattern.compile("(^|/)(node_modules|vendor|target|build|dist"
            + "|src/test|src/it|testdata|fixtures?)/");
    private static final Pattern CI = Pattern.compile("(^|/)(\\.github/workflows/[^/]+\\.ya?ml|\\.github/actions/.+"
            + "/action\\.ya?ml|\\.gitlab-ci\\.yml|\\.gitlab/.+\\.ya?ml|Jenkinsfile[^/]*|azure-pipelines[^/]*\\.ya?ml"
            + "|\\.circleci/config\\.ya?ml|\\.travis\\.yml|bitbucket-pipelines\\.yml)$");
    private static final Pattern GORELEASER = Pattern.compile("(^|/)\\.?goreleaser\\.ya?ml$");
    private static final Pattern WRAPPER = Pattern.compile("(^|/)(\\.mvn/wrapper/maven-wrapper|gradle/wrapper/"
            + "gradle-wrapper)\\.properties$");
    private static final Pattern CHECKSUM = Pattern.compile("^\\s*distributionSha256Sum\\s*[=:]\\s*(.*)$");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    /** Lines longer than this are not read for tools. */
    private static final int MAX_LINE = 4096;
    private static final Pattern DISTRIBUTION_URL = Pattern.compile("^\\s*distributionUrl\\s*[=:]");

    @Override
    public String id() {
        return "supplychain";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        RepoTree tree = context.tree();
        List<String> manifests = new ArrayList<>();
        List<SupplyChainEvidence> evidence = new ArrayList<>();
        List<WrapperFile> wrappers = new ArrayList<>();
        List<String> files = new ArrayList<>(tree.files());
        // CI definitions live at the repository root even when a module is assessed
        if (!tree.subtree().isEmpty()) {
            tree.filesUnder("").stream().filter(f -> CI.matcher(f).find() && !files.contains(f)).forEach(files::add);
        }
        for (String path : files) {
            if (NOT_OURS.matcher(path).find()) {
                continue;
            }
            if (MANIFEST.matcher(path).find()) {
                manifests.add(path);
            }
            Kind kind = kind(path);
            boolean wrapper = WRAPPER.matcher(path).find();
            if (kind == null && !wrapper) {
                continue;
            }
            RepoTree.TextRead read = tree.readText(path);
            if (!read.ok()) {
                facts.problem(path, null, "file skipped: " + read.skipped());
                continue;
            }
            if (wrapper) {
                wrappers.add(wrapper(path, read.text(), facts));
            } else {
                match(path, kind, read.text(), evidence);
            }
        }
        // a working tree leaves .mvn out of its file list (it is build configuration, not code a team maintains),
        // so the Maven wrapper is looked up where it lives: beside the assessed POM and at the repository root
        for (String root : new String[] {tree.subtree(), ""}) {
            String path = (root.isEmpty() ? "" : root + "/") + ".mvn/wrapper/maven-wrapper.properties";
            if (wrappers.stream().noneMatch(w -> w.path().equals(path)) && tree.isFile(path)) {
                RepoTree.TextRead read = tree.readText(path);
                if (read.ok()) {
                    wrappers.add(wrapper(path, read.text(), facts));
                }
            }
        }
        evidence.sort(Comparator.comparing(SupplyChainEvidence::path).thenComparingInt(SupplyChainEvidence::line));
        wrappers.sort(Comparator.comparing(WrapperFile::path));
        facts.put(SupplyChainFacts.class, new SupplyChainFacts(manifests.stream().sorted().toList(), evidence,
                wrappers));
    }

    private static Kind kind(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("pom.xml")) {
            return Kind.POM;
        }
        if (name.startsWith("build.gradle") || name.startsWith("settings.gradle")) {
            return Kind.GRADLE;
        }
        if (CI.matcher(path).find()) {
            return Kind.CI;
        }
        return GORELEASER.matcher(path).find() ? Kind.GORELEASER : null;
    }

    /** The first place of each tool in the file, comments left out. */
    private static void match(String path, Kind kind, String text, List<SupplyChainEvidence> out) {
        String[] lines = text.split("\\R", -1);
        boolean xmlComment = false;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > MAX_LINE) {
                continue; // data, not a build or CI instruction: thirty patterns over a 50 MB line cost minutes
            }
            if (kind == Kind.POM) {
                StringBuilder kept = new StringBuilder();
                int at = 0;
                while (at < line.length()) {
                    if (xmlComment) {
                        int end = line.indexOf("-->", at);
                        if (end < 0) {
                            at = line.length();
                        } else {
                            xmlComment = false;
                            at = end + 3;
                        }
                    } else {
                        int start = line.indexOf("<!--", at);
                        if (start < 0) {
                            kept.append(line, at, line.length());
                            at = line.length();
                        } else {
                            kept.append(line, at, start);
                            xmlComment = true;
                            at = start + 4;
                        }
                    }
                }
                line = kept.toString();
            } else {
                String t = line.stripLeading();
                if (t.startsWith("#") || t.startsWith("//") || t.startsWith("*")) {
                    continue;
                }
            }
            for (Rule rule : RULES) {
                if (rule.kind() == kind && !seen.contains(rule.tool()) && rule.pattern().matcher(line).find()) {
                    seen.add(rule.tool());
                    out.add(new SupplyChainEvidence(rule.capability(), rule.tool(), path, i + 1, rule.central()));
                }
            }
        }
    }

    /** The wrapper's distribution and its checksum; a checksum that is not SHA-256 is a problem at its line. */
    private static WrapperFile wrapper(String path, String text, Facts.Builder facts) {
        String[] lines = text.split("\\R", -1);
        int url = 1;
        boolean checksum = false;
        for (int i = 0; i < lines.length; i++) {
            if (DISTRIBUTION_URL.matcher(lines[i]).find()) {
                url = i + 1;
            }
            Matcher sum = CHECKSUM.matcher(lines[i]);
            if (sum.find()) {
                if (SHA256.matcher(sum.group(1).strip()).matches()) {
                    checksum = true;
                } else {
                    facts.problem(path, i + 1, "distributionSha256Sum is not a SHA-256 checksum (64 hex digits);"
                            + " the distribution is not verified");
                }
            }
        }
        return new WrapperFile(path, url, checksum);
    }
}
