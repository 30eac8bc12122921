package io.github.devopsassess.check.oncall;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.check.oncall.OnCallChecks;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.oncall.OnCallFacts;
import io.github.devopsassess.facts.oncall.VendorUse;
import io.github.devopsassess.model.Words;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code paging-vendor-end-of-support}: the paging service itself is a supplier. Atlassian ends support for Opsgenie
 * on 2027-04-05; a team still paging through it then has no on-call at all.
 */
public final class PagingVendorEndOfSupportCheck extends OnCallCheck {

    public static final String ID = "paging-vendor-end-of-support";

    /** Announced ends of support, by vendor id. */
    static final Map<String, LocalDate> END_OF_SUPPORT = Map.of("opsgenie", LocalDate.of(2027, 4, 5));

    /**
     * Folders of a module library's reusable modules, not a team's own configuration (its examples and tests are not
     * read as on-call at all: the on-call scanner leaves them out).
     */
    private static final java.util.regex.Pattern MODULES = java.util.regex.Pattern.compile("(^|/)modules/");

    @Override
    public String id() {
        return ID;
    }

    /** Whether every on-call file read is part of a reusable module: configuration provided for others. */
    static boolean moduleLibrary(OnCallFacts model) {
        return !model.files().isEmpty() && model.files().stream().allMatch(f -> MODULES.matcher(f).find());
    }

    @Override
    protected Judgement judge(OnCallFacts model, Facts facts, CheckSettings settings) {
        if (model.vendors().isEmpty()) {
            return Judgement.inapplicable(model == null ? "on-call configuration was not scanned"
                    : "no paging vendor found in the configuration");
        }
        List<Finding> findings = new ArrayList<>();
        for (VendorUse v : model.vendors()) {
            LocalDate end = END_OF_SUPPORT.get(v.vendor());
            if (end == null) {
                continue;
            }
            String when = "";
            if (model.referenceTime() != null) {
                long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(model.referenceTime(), ZoneOffset.UTC), end);
                when = days >= 0 ? " (" + Words.plural(days, "day", "days") + " after this commit)" : " ("
                        + Words.plural(-days, "day", "days") + " before this commit: support has ended)";
            }
            if (moduleLibrary(model)) {
                // the repository provides on-call configuration for others: its users lose their paging, not it
                findings.add(settings.warn("This repository's modules configure " + v.vendor() + " for the teams that"
                        + " use them, and its vendor ends support on " + end + when + ": those teams lose their"
                        + " paging then; tell them (the README, a deprecation notice in the next release) and point"
                        + " to a migration path.", "vendor:" + v.vendor(), List.of(OnCallChecks.at(v.place(),
                                v.vendor() + " configuration of a module"))));
                continue;
            }
            findings.add(settings.fail("On-call depends on " + v.vendor() + ", whose vendor ends support on " + end
                    + when + ": plan and rehearse the migration of schedules and escalations before then.",
                    "vendor:" + v.vendor(), List.of(OnCallChecks.at(v.place(), v.vendor() + " configuration"))));
        }
        if (findings.isEmpty()) {
            return Judgement.clean("no paging vendor with an announced end of support");
        }
        return Judgement.of(findings, 0, Words.plural(findings.size(), "paging vendor", "paging vendors")
                + " with an announced end "
                + "of support");
    }
}
