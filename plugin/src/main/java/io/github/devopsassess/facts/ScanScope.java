package io.github.devopsassess.facts;

import java.util.List;

/**
 * What the team told the assessment to leave out of its inputs.
 *
 * @param sourceExcludes globs of files that do not count as source ({@code devops.sourceExcludes}), as given
 */
public record ScanScope(List<String> sourceExcludes) {

    public ScanScope {
        sourceExcludes = List.copyOf(sourceExcludes);
    }
}
