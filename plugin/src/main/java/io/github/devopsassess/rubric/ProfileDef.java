package io.github.devopsassess.rubric;

import java.util.List;

/**
 * A named subset of the rubric for one kind of project (chosen with {@code devops.profile}), so that, for example, a
 * library is not marked down for having no on-call rotation.
 *
 * @param id profile id such as {@code library}
 * @param description who the profile is for
 * @param include check or area ids to keep; empty keeps everything not excluded
 * @param exclude check or area ids to leave out
 */
public record ProfileDef(String id, String description, List<String> include, List<String> exclude) {

    public ProfileDef {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
