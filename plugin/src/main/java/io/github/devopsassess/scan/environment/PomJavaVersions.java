package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.RuntimePin;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Java version a Maven build compiles for: {@code maven.compiler.release}, {@code java.version} (Spring Boot's
 * parent) or {@code maven.compiler.source} properties, and {@code <release>} of the compiler plugin; and the Node.js
 * version frontend-maven-plugin installs for the build ({@code <nodeVersion>}). Read with the
 * JDK's DOM parser with external entities and DTDs off; the line is found in the text, since DOM keeps none.
 */
final class PomJavaVersions {

    /** In order of precedence: release wins over java.version wins over source. */
    private static final List<String> PROPERTIES = List.of("maven.compiler.release", "java.version",
            "maven.compiler.source");

    private final Inputs in;
    /** One parser for all the poms of a scan: creating one looks the implementation up on the class path each time. */
    private DocumentBuilder builder;

    PomJavaVersions(Inputs in) {
        this.in = in;
    }

    void read(Consumer<RuntimePin> out) {
        for (String path : in.files()) {
            if (Inputs.fileName(path).equals("pom.xml")) {
                in.text(path).ifPresent(text -> read(path, text, out));
            }
        }
    }

    private void read(String path, String text, Consumer<RuntimePin> out) {
        Document doc;
        try {
            if (builder == null) {
                builder = parser(); // reused as is: reset() would drop the error handler
            }
            doc = builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            in.problem(path, e.getLineNumber() > 0 ? e.getLineNumber() : null, "malformed pom.xml: " + e.getMessage());
            return;
        } catch (Exception e) {
            in.problem(path, null, "unreadable pom.xml: " + e.getMessage());
            return;
        }
        Map<String, String> properties = new HashMap<>();
        Element root = doc.getDocumentElement();
        for (Element props : children(root, "properties")) {
            NodeList list = props.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (list.item(i) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        node(path, text, doc, properties, out);
        String version = null;
        String tag = null;
        for (String p : PROPERTIES) {
            if (properties.containsKey(p)) {
                version = properties.get(p);
                tag = p;
                break;
            }
        }
        String release = compilerRelease(root);
        if (release != null) {
            version = release;
            tag = "release";
        }
        if (version == null) {
            return;
        }
        version = resolve(version, properties);
        if (version.contains("${")) {
            return; // inherited from a parent this scan cannot see
        }
        out.accept(new RuntimePin("java", version, path, lineOf(text, "<" + tag + ">"), RuntimePin.BUILD));
    }

    /**
     * The Node.js version that frontend-maven-plugin installs for the build ({@code <nodeVersion>}, often
     * {@code ${node.version}}): placed at the property that holds it when it is one, since that is the line to
     * change.
     */
    private static void node(String path, String text, Document doc, Map<String, String> properties,
            Consumer<RuntimePin> out) {
        NodeList found = doc.getElementsByTagName("nodeVersion");
        if (found.getLength() == 0) {
            return;
        }
        String raw = found.item(0).getTextContent().strip();
        String version = resolve(raw, properties);
        if (!version.matches("v?\\d+(\\.\\d+)*")) {
            return; // inherited from a parent this scan cannot see, or not a version number
        }
        String tag = raw.startsWith("${") && raw.endsWith("}") && !raw.equals(version)
                ? raw.substring(2, raw.length() - 1) : "nodeVersion";
        out.accept(new RuntimePin("node", version.replaceFirst("^v", ""), path, lineOf(text, "<" + tag + ">"),
                RuntimePin.BUILD));
    }

    private static String compilerRelease(Element root) {
        for (Element build : children(root, "build")) {
            for (Element plugins : children(build, "plugins")) {
                for (Element plugin : children(plugins, "plugin")) {
                    boolean compiler = children(plugin, "artifactId").stream()
                            .anyMatch(a -> a.getTextContent().strip().equals("maven-compiler-plugin"));
                    if (!compiler) {
                        continue;
                    }
                    for (Element config : children(plugin, "configuration")) {
                        for (Element release : children(config, "release")) {
                            return release.getTextContent().strip();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String resolve(String value, Map<String, String> properties) {
        String v = value;
        for (int i = 0; i < 5 && v.startsWith("${") && v.endsWith("}"); i++) {
            String next = properties.get(v.substring(2, v.length() - 1));
            if (next == null) {
                break;
            }
            v = next;
        }
        return v;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name.equals(e.getLocalName()) || name.equals(e.getTagName()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A parser that never fetches anything: no DTDs, no external entities (XXE). */
    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not stop reading
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e; // instead of the default handler's print to stderr
            }
        });
        return builder;
    }
}
