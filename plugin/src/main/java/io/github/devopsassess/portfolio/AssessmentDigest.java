package io.github.devopsassess.portfolio;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.Assessment;
import io.github.devopsassess.output.StableJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of an {@code assessment.json} a portfolio reads: subject, scores, levels and the severity of each
 * finding. Reading only this (the rest of the file is skipped by the parser, no finding is built and masked again) keeps
 * a thousand assessments of 130 KB each to a few seconds.
 *
 * @param schemaVersion version of the assessment's layout
 * @param subject what was assessed
 * @param score overall score, or {@code null}
 * @param level overall level, or {@code null}
 * @param areas area scores
 * @param findings the findings, their severity only
 */
record AssessmentDigest(int schemaVersion, Subject subject, Integer score, String level, List<Area> areas,
        List<Severity> findings) {

    private static final ObjectMapper MAPPER = StableJson.newMapper();

    AssessmentDigest {
        findings = findings == null ? List.of() : findings;
    }

    /** Name, commit, date and owners of the assessed repository. */
    record Subject(String name, String commit, String date, List<String> owners) {

        Subject {
            owners = owners == null ? List.of() : List.copyOf(owners);
        }
    }

    /** One area's score. */
    record Area(String area, boolean assessed, Integer score) {
    }

    /** One finding's severity id. */
    record Severity(String severity) {
    }

    static AssessmentDigest read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), AssessmentDigest.class);
    }

    /** The digest of an assessment held in memory. */
    static AssessmentDigest of(Assessment a) {
        Assessment.Subject s = a.subject();
        return new AssessmentDigest(a.schemaVersion(), s == null ? null : new Subject(s.name(), s.commit(), s.date(),
                s.owners()), a.score(), a.level(), a.areas() == null ? null : a.areas().stream().map((AreaScore x) ->
                        new Area(x.area(), x.assessed(), x.score())).toList(),
                a.findings().stream().map(f -> new Severity(f.severity().id())).toList());
    }
}
