package io.github.devopsassess.report;

import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.model.BaselineChanges;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.SourceExcerpt;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.rubric.Rubric;

import java.util.List;
import java.util.Map;

/**
 * Everything the report site shows. All of it was decided elsewhere (engine, gate); the report only lays it out.
 *
 * @param assessment the result of this run
 * @param rubric the rubric it was scored with (titles, thresholds, documentation of the checks)
 * @param facts what the scanners saw, for the area-specific {@link SiteSection}s
 * @param excerpts source lines around evidence, by {@link SourceExcerpt#key}
 * @param changes what changed since the baseline, or {@code null} when there is no baseline
 * @param trend earlier points (re-assessed or from previous {@code assessment.json} files); this run is added
 * @param sections area-specific sections
 */
public record SiteInput(Assessment assessment, Rubric rubric, Facts facts, Map<String, SourceExcerpt> excerpts,
        BaselineChanges changes, List<TrendPoint> trend, List<SiteSection> sections) {

    public SiteInput {
        excerpts = Map.copyOf(excerpts);
        trend = List.copyOf(trend);
        sections = List.copyOf(sections);
    }

    /** The bare minimum: no facts, excerpts, baseline or trend; the registered sections. */
    public static SiteInput of(Assessment assessment, Rubric rubric) {
        return new SiteInput(assessment, rubric, Facts.builder().build(), Map.of(), null, List.of(),
                SiteSections.all());
    }

    public SiteInput withFacts(Facts value) {
        return new SiteInput(assessment, rubric, value, excerpts, changes, trend, sections);
    }

    public SiteInput withExcerpts(Map<String, SourceExcerpt> value) {
        return new SiteInput(assessment, rubric, facts, value, changes, trend, sections);
    }

    public SiteInput withChanges(BaselineChanges value) {
        return new SiteInput(assessment, rubric, facts, excerpts, value, trend, sections);
    }

    public SiteInput withTrend(List<TrendPoint> value) {
        return new SiteInput(assessment, rubric, facts, excerpts, changes, value, sections);
    }

    public SiteInput withSections(List<SiteSection> value) {
        return new SiteInput(assessment, rubric, facts, excerpts, changes, trend, value);
    }
}
