package io.github.devopsassess.facts.oncall;

/**
 * Someone (or something) that can be paged.
 *
 * @param id stable key: a vendor user id, a user name, or a Terraform address such as {@code pagerduty_user.alice}
 * @param name display name when the files give one, else the id
 * @param shared true for a shared team account ("Platform Team", "oncall@") that stands in for people
 */
public record Person(String id, String name, boolean shared) {
}
