package io.github.devopsassess.scan.ownership;

import io.github.devopsassess.facts.ownership.PomDevelopers;
import io.github.devopsassess.parse.LineIndex;
import io.github.devopsassess.parse.XmlComments;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <developers>} of a pom as text, line by line, so that each entry keeps its line; comments are blanked
 * first (their lines kept), and an entry without id, name and e-mail is left out. A pom that is not well formed gives
 * what can be read of it: this reader never fails, the environment scanner reports malformed poms.
 */
final class PomDevelopersReader {

    private static final Pattern DEVELOPERS = Pattern.compile("<developers>(.*?)</developers>", Pattern.DOTALL);
    private static final Pattern DEVELOPER = Pattern.compile("<developer>(.*?)</developer>", Pattern.DOTALL);

    private PomDevelopersReader() {
    }

    static PomDevelopers read(String path, String text) {
        String plain = XmlComments.blank(text);
        LineIndex lines = LineIndex.of(plain);
        List<PomDevelopers.Developer> out = new ArrayList<>();
        Matcher block = DEVELOPERS.matcher(plain);
        if (block.find()) {
            Matcher m = DEVELOPER.matcher(plain);
            m.region(block.start(1), block.end(1));
            while (m.find()) {
                String body = m.group(1);
                String id = element(body, "id");
                String name = element(body, "name");
                String email = element(body, "email");
                if (id == null && name == null && email == null) {
                    continue;
                }
                int at = id == null ? m.start() : m.start(1) + body.indexOf("<id>");
                out.add(new PomDevelopers.Developer(id, name, email, lines.lineAt(at)));
            }
        }
        return new PomDevelopers(path, out);
    }

    private static String element(String body, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">\\s*([^<]*?)\\s*</" + tag + ">").matcher(body);
        if (!m.find() || m.group(1).isEmpty() || m.group(1).contains("${")) {
            return null;
        }
        return m.group(1);
    }
}
