package io.github.devopsassess.testing;

import java.util.List;

/**
 * Text a hostile repository can put into names, e-mails, messages, paths and YAML values, shared by every test that
 * proves such text is shown literally and never executed, included or interpreted.
 */
public final class HostileText {

    private HostileText() {
    }

    /** HTML, AsciiDoc and Markdown markup, each of which would do harm if it were rendered instead of shown. */
    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "<iframe src=javascript:alert(3)></iframe>",
            "+++<script>alert(4)</script>+++",
            "pass:[<script>alert(5)</script>]",
            "include::/etc/passwd[]",
            "{docdir} {user-home} {attribute-missing}",
            "link:javascript:alert(6)[click]",
            "image:x.png[onerror=alert(7)]",
            "[click](javascript:alert(8)) **bold** <b onmouseover=alert(9)>",
            "| cell | break",
            "[[anchor]]<<xref>>",
            "line1\ninclude::/etc/hostname[]",
            "bell\u0007 escape\u001b[31mred\u001b[0m nul-free \u202Eright-to-left");

    /**
     * The payloads in a form that is a legal single file or folder name on every file system git supports here:
     * no slash, no newline.
     */
    public static List<String> fileNames() {
        return PAYLOADS.stream().map(HostileText::fileName).toList();
    }

    public static String fileName(String payload) {
        return payload.replace('/', '_').replace('\n', ' ');
    }

    /** A marker planted as a credential's value; it must never appear in any output or log line. */
    public static final String SECRET = "Zq9SECRETMARKERx7";
}
