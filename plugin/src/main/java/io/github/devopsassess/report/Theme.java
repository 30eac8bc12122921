package io.github.devopsassess.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The site's look: a stylesheet, header and footer fragments and the small table-sorting script, from the
 * {@code devops-site-theme} artifact or a folder of the user's holding the same files. A user's folder needs only
 * the first three; without its own {@code sort.js} the default script is used.
 */
public record Theme(String css, String header, String footer, String sortScript) {

    public static final String RESOURCE_FOLDER = "io/github/devopsassess/theme/";

    public static Theme load(Path folder) throws IOException {
        if (folder == null) {
            return new Theme(resource("devops.css"), resource("header.html"), resource("footer.html"),
                    resource("sort.js"));
        }
        Path script = folder.resolve("sort.js");
        return new Theme(Files.readString(folder.resolve("devops.css"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("header.html"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("footer.html"), StandardCharsets.UTF_8),
                Files.isRegularFile(script) ? Files.readString(script, StandardCharsets.UTF_8) : resource("sort.js"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IOException("theme file " + RESOURCE_FOLDER + name + " is not on the plugin's classpath;"
                        + " the devops-site-theme artifact is missing (please report this)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
