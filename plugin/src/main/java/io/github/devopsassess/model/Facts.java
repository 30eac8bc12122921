package io.github.devopsassess.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the scanners saw, keyed by the type of each fact. A typed map rather than one record with a field per scanner,
 * so that a new scanner adds a fact type without touching every other scanner or check.
 */
public final class Facts {

    private final Map<Class<?>, Object> facts;
    private final List<ParseProblem> problems;

    private Facts(Map<Class<?>, Object> facts, List<ParseProblem> problems) {
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        this.problems = List.copyOf(problems);
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(facts.get(type)));
    }

    public List<ParseProblem> problems() {
        return problems;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe: scanners run one after another and each adds its own fact types. */
    public static final class Builder {
        private final Map<Class<?>, Object> facts = new LinkedHashMap<>();
        private final List<ParseProblem> problems = new ArrayList<>();

        public <T> Builder put(Class<T> type, T fact) {
            facts.put(type, type.cast(fact));
            return this;
        }

        public <T> Optional<T> find(Class<T> type) {
            return Optional.ofNullable(type.cast(facts.get(type)));
        }

        public Builder problem(ParseProblem problem) {
            problems.add(problem);
            return this;
        }

        public Builder problem(String path, Integer line, String message) {
            return problem(new ParseProblem(path, line, message));
        }

        public Facts build() {
            return new Facts(facts, problems);
        }
    }
}
