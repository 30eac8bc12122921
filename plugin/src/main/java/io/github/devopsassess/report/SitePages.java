package io.github.devopsassess.report;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.rubric.CheckDef;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the AsciiDoc source of every page of a repository's site under stable names: {@code index},
 * {@code trend}, {@code areas/<area-id>}, {@code checks/index} and {@code checks/<check-id>}. Everything that comes
 * from the repository or the rubric passes through {@link Adoc}; the only raw AsciiDoc is the page structure.
 */
public final class SitePages {

    private final SiteInput input;

    public SitePages(SiteInput input) {
        this.input = input;
    }

    /** Page path (relative to the site folder, without extension) → AsciiDoc source, in a stable order. */
    public Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("index", new IndexPage(input).render());
        pages.put("trend", new TrendPage(input).render());
        AreaPage areaPage = new AreaPage(input);
        for (AreaScore area : input.assessment().areas()) {
            pages.put("areas/" + Adoc.id(area.area()), areaPage.render(area));
        }
        CheckPage checkPage = new CheckPage(input);
        pages.put("checks/index", checkPage.renderIndex());
        for (CheckDef check : input.rubric().checks().values()) {
            pages.put("checks/" + Adoc.id(check.id()), checkPage.render(check));
        }
        return pages;
    }
}
