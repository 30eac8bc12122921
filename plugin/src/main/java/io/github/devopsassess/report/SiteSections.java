package io.github.devopsassess.report;

import io.github.devopsassess.report.sections.EnvironmentsSection;
import io.github.devopsassess.report.sections.IncidentsSection;
import io.github.devopsassess.report.sections.OnCallSection;
import io.github.devopsassess.report.sections.OwnershipSection;

import java.util.List;

/** The area-specific report sections of this version, in the order they appear on a page. */
public final class SiteSections {

    private SiteSections() {
    }

    public static List<SiteSection> all() {
        // Append new sections here (on-call coverage grid, ownership table, environments matrix, incidents timeline).
        return List.of(new OnCallSection(), new IncidentsSection(), new OwnershipSection(),
                new EnvironmentsSection());
    }
}
