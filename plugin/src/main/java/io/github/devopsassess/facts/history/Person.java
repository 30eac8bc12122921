package io.github.devopsassess.facts.history;

/**
 * A person (or bot) behind commits, after {@code .mailmap} and case-insensitive e-mail merging.
 *
 * @param key stable identity: the lower-cased e-mail, or the lower-cased name when there is no e-mail
 * @param display what reports show: the name, or a stable pseudonym unless names are shown
 * @param bot true for automated authors, which own nothing
 */
public record Person(String key, String display, boolean bot) {
}
