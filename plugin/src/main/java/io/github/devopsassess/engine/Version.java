package io.github.devopsassess.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, from the properties Maven writes into every jar. */
public final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream(
                "/META-INF/maven/io.github.devopsassess/devops-maven-plugin/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through: running from classes in an IDE or a test
        }
        return "dev";
    }
}
