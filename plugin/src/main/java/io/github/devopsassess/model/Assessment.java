package io.github.devopsassess.model;

import java.util.List;
import java.util.Map;

/**
 * Everything one run decided, as written to {@code assessment.json}.
 *
 * @param schemaVersion version of the JSON layout
 * @param tool generator name and version
 * @param subject what was assessed
 * @param score overall score 0–100, or {@code null} when no area was assessed
 * @param level overall maturity level, or {@code null}
 * @param areas one entry per rubric area, in rubric order
 * @param findings every finding, sorted by severity (worst first), area, check, subject
 * @param problems inputs that could not be read
 * @param metrics named figures other tools may read (e.g. {@code truckFactor})
 * @param nextLevel what the next maturity level needs and which required checks block it, or {@code null} at the
 *     top level or when nothing was assessed
 */
public record Assessment(int schemaVersion, String tool, Subject subject, Integer score, String level,
        List<AreaScore> areas, List<Finding> findings, List<ParseProblem> problems, Map<String, Object> metrics,
        NextLevel nextLevel) {

    public static final int SCHEMA_VERSION = 1;

    public Assessment {
        areas = List.copyOf(areas);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        metrics = Map.copyOf(metrics);
    }

    /** An assessment without next-level information, as tests and older code create it. */
    public Assessment(int schemaVersion, String tool, Subject subject, Integer score, String level,
            List<AreaScore> areas, List<Finding> findings, List<ParseProblem> problems, Map<String, Object> metrics) {
        this(schemaVersion, tool, subject, score, level, areas, findings, problems, metrics, null);
    }

    /**
     * The share (0–1) of the rubric, by weight, that the overall score rests on: each area counts with its weight,
     * times the share of its checks' weight that had data.
     */
    public double measuredShare() {
        return AreaScore.measuredShare(areas);
    }

    /**
     * Whether the overall score rests on less than half of the rubric by weight; its level is then held at the
     * rubric's low-confidence level ({@code managed}), as an area's is.
     */
    public boolean lowConfidence() {
        return score != null && AreaScore.lowConfidence(measuredShare());
    }

    /**
     * @param name project or repository name
     * @param path assessed subtree relative to the repository root ("" for the root)
     * @param commit assessed commit id, or {@code null} for a working tree without commits
     * @param ref branch or tag name when known
     * @param workingTree true when uncommitted files of the working tree were read
     * @param date ISO-8601 date of the assessment, from the build timestamp or the commit, never the clock
     * @param owners who owns the assessed tree as a whole, as the site shows them (teams by their names, people as
     *     pseudonyms unless names are shown), teams first; empty when no declaration says (see
     *     {@code OwnershipFacts#repositoryOwners()}); a portfolio groups repositories by the first
     */
    public record Subject(String name, String path, String commit, String ref, boolean workingTree, String date,
            List<String> owners) {

        public Subject {
            owners = owners == null ? List.of() : List.copyOf(owners);
        }

        /** A subject without declared owners, as tests and older code create it. */
        public Subject(String name, String path, String commit, String ref, boolean workingTree, String date) {
            this(name, path, commit, ref, workingTree, date, List.of());
        }
    }
}
