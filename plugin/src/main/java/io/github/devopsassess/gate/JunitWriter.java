package io.github.devopsassess.gate;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.CheckResult;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.output.AtomicFiles;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code devops-junit.xml}: one test suite per area and one test case per check, so CI test views show the
 * assessment. A check fails when it has findings that are new against the baseline (or, without a baseline, any
 * unwaived finding at or above the failing severity); a check that was not assessed is skipped.
 */
public final class JunitWriter {

    private JunitWriter() {
    }

    public static void write(Assessment assessment, Optional<Baseline> baseline, GateSettings settings, Path file)
            throws IOException {
        AtomicFiles.write(file, toXml(assessment, baseline, settings));
    }

    public static String toXml(Assessment assessment, Optional<Baseline> baseline, GateSettings settings)
            throws IOException {
        Set<String> accepted = baseline.map(b -> b.findings().stream().map(Baseline.Entry::fingerprint)
                .collect(Collectors.toSet())).orElse(Set.of());
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            suites.setAttribute("name", "devops-assessment");
            doc.appendChild(suites);
            int totalTests = 0;
            int totalFailures = 0;
            for (AreaScore area : assessment.areas()) {
                Element suite = doc.createElement("testsuite");
                suite.setAttribute("name", "devops." + area.area());
                int tests = 0;
                int failures = 0;
                int skipped = 0;
                for (CheckResult r : area.checks()) {
                    tests++;
                    Element tc = doc.createElement("testcase");
                    tc.setAttribute("classname", "devops." + area.area());
                    tc.setAttribute("name", r.check());
                    tc.setAttribute("time", "0");
                    if (!r.assessed()) {
                        skipped++;
                        Element skip = doc.createElement("skipped");
                        skip.setAttribute("message", "not assessed: " + nn(r.summary()));
                        tc.appendChild(skip);
                    } else {
                        List<Finding> failing = r.findings().stream()
                                .filter(f -> !f.waived())
                                .filter(f -> baseline.isPresent() ? !accepted.contains(f.fingerprint())
                                        : f.severity().atLeast(settings.failOnSeverity()))
                                .toList();
                        if (!failing.isEmpty()) {
                            failures++;
                            Element failure = doc.createElement("failure");
                            failure.setAttribute("message", nn(failing.size() + (baseline.isPresent() ? " new " : " ")
                                    + Words.noun(failing.size(), "finding", "findings") + ": "
                                    + failing.get(0).message()));
                            failure.setAttribute("type", failing.get(0).severity().id());
                            failure.setTextContent(details(failing));
                            tc.appendChild(failure);
                        }
                        Element out = doc.createElement("system-out");
                        out.setTextContent(nn(r.summary()));
                        tc.appendChild(out);
                    }
                    suite.appendChild(tc);
                }
                suite.setAttribute("tests", String.valueOf(tests));
                suite.setAttribute("failures", String.valueOf(failures));
                suite.setAttribute("errors", "0");
                suite.setAttribute("skipped", String.valueOf(skipped));
                suite.setAttribute("time", "0");
                suites.appendChild(suite);
                totalTests += tests;
                totalFailures += failures;
            }
            suites.setAttribute("tests", String.valueOf(totalTests));
            suites.setAttribute("failures", String.valueOf(totalFailures));
            suites.setAttribute("errors", "0");
            StringWriter w = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static String details(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append('[').append(f.severity().id()).append("] ").append(nn(f.message()));
            for (Evidence e : f.evidence()) {
                sb.append("\n    at ").append(nn(e.label()));
            }
            sb.append("\n  fix: ").append(nn(f.remediation())).append('\n');
        }
        return sb.toString();
    }

    /** Null-safe, and without the characters XML 1.0 cannot carry (a repository may put anything in a message). */
    private static String nn(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            sb.appendCodePoint(ok ? c : '?');
        });
        return sb.toString();
    }
}
