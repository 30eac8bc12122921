package io.github.devopsassess.maven;

import java.util.List;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/** Finds whether a parent project in the same build already runs the goal, so a repository is mined once. */
final class Reactor {

    private Reactor() {
    }

    static Optional<MavenProject> coveringAncestor(MavenProject project, MavenSession session,
            MojoExecution execution) {
        if (session == null || execution == null || project == null) {
            return Optional.empty();
        }
        List<MavenProject> inBuild = session.getProjects();
        if (inBuild == null || inBuild.size() < 2) {
            return Optional.empty();
        }
        String goal = execution.getGoal();
        boolean fromCommandLine = "default-cli".equals(execution.getExecutionId());
        for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
            MavenProject ancestor = parent;
            boolean building = inBuild.stream().anyMatch(p -> p.getId().equals(ancestor.getId()));
            if (building && (fromCommandLine || bindsGoal(ancestor, execution, goal))) {
                return Optional.of(ancestor);
            }
        }
        return Optional.empty();
    }

    private static boolean bindsGoal(MavenProject project, MojoExecution execution, String goal) {
        String key = execution.getGroupId() + ":" + execution.getArtifactId();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!key.equals(plugin.getKey())) {
                continue;
            }
            for (PluginExecution pe : plugin.getExecutions()) {
                if (pe.getGoals().contains(goal)) {
                    return true;
                }
            }
        }
        return false;
    }
}
