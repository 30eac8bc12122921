package io.github.devopsassess.maven;

import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.rubric.RubricException;
import io.github.devopsassess.rubric.RubricLoader;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The one way every goal reads {@code devops.rubric}: empty or {@code default} for the default rubric,
 * {@code classpath:} and a resource of a plugin dependency, or a file (relative to the project's folder).
 *
 * @param value the reference as configured, never blank
 */
record RubricReference(String value) {

    static final String DEFAULT = "default";

    /** The reference configured, with a relative file made absolute against {@code baseDir}. */
    static RubricReference of(String configured, File baseDir) {
        if (configured == null || configured.isBlank() || configured.trim().equals(DEFAULT)) {
            return new RubricReference(DEFAULT);
        }
        String v = configured.trim();
        if (v.startsWith("classpath:")) {
            return new RubricReference(v);
        }
        File f = new File(v);
        return new RubricReference((f.isAbsolute() ? f : new File(baseDir, v)).getPath());
    }

    boolean isDefault() {
        return DEFAULT.equals(value);
    }

    /** What the engine's request takes: {@code null} for the default rubric, else the reference as a path. */
    Path forRequest() {
        return isDefault() ? null : Path.of(value);
    }

    Rubric load() throws RubricException {
        RubricLoader loader = new RubricLoader(RubricReference.class.getClassLoader());
        return isDefault() ? loader.loadDefault() : loader.load(value);
    }

    /** Loads the rubric; a problem fails the goal with the problems and their lines. */
    Rubric loadOrFail() throws MojoExecutionException {
        try {
            return load();
        } catch (RubricException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
