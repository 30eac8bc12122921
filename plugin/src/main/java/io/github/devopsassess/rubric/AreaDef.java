package io.github.devopsassess.rubric;

/**
 * An area of the rubric: one DevOps anti-pattern the team should avoid.
 *
 * @param id stable id such as {@code knowledge-silos}
 * @param title human title
 * @param weight weight in the overall score
 * @param antiPattern the anti-pattern in the words of "How to Learn From Failure in DevOps"
 * @param description what the area looks at
 */
public record AreaDef(String id, String title, double weight, String antiPattern, String description) {
}
