package io.github.devopsassess.facts.ownership;

import java.util.List;

/**
 * The people a Maven pom declares in {@code <developers>}: the maintainers on paper that Maven Central, the Jenkins
 * plugin site and readers of the pom take as the people to ask.
 *
 * @param path repository-relative path of the pom ({@code pom.xml} of the assessed module, else of the root)
 * @param developers the declared developers, in the order of the file; empty when the pom declares none
 */
public record PomDevelopers(String path, List<Developer> developers) {

    public PomDevelopers {
        developers = List.copyOf(developers);
    }

    /**
     * One {@code <developer>} entry.
     *
     * @param id its {@code <id>}, or {@code null}
     * @param name its {@code <name>}, or {@code null}
     * @param email its {@code <email>}, or {@code null}
     * @param line line of its {@code <id>} (of {@code <developer>} when it has none)
     */
    public record Developer(String id, String name, String email, int line) {

        /** How the entry reads: the name, else the id, else the e-mail. */
        public String label() {
            return name != null ? name : id != null ? id : email;
        }
    }
}
