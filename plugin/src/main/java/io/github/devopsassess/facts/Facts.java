package io.github.devopsassess.facts;

import io.github.devopsassess.model.ParseProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * A fact that must be there: the engine has checked every fact a check {@code requires()} before the check runs,
     * so a check reads its required facts with this.
     *
     * @throws IllegalStateException when the fact is missing (a check read a fact it did not declare)
     */
    public <T> T get(Class<T> type) {
        return find(type).orElseThrow(() -> new IllegalStateException(type.getSimpleName()
                + " is not among the facts: declare it in the check's requires()"));
    }

    /** These facts with one more (or a replaced) fact: the analysis stage adds what it derives this way. */
    public <T> Facts with(Class<T> type, T fact) {
        Map<Class<?>, Object> more = new LinkedHashMap<>(facts);
        more.put(type, type.cast(fact));
        return new Facts(more, problems);
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
        private final Set<ParseProblem> problems = new LinkedHashSet<>();

        public <T> Builder put(Class<T> type, T fact) {
            facts.put(type, type.cast(fact));
            return this;
        }

        public <T> Optional<T> find(Class<T> type) {
            return Optional.ofNullable(type.cast(facts.get(type)));
        }

        /** Adds a problem once, even when a second scanner finds it again (a .tf file read for on-call and access). */
        public Builder problem(ParseProblem problem) {
            problems.add(problem);
            return this;
        }

        public Builder problem(String path, Integer line, String message) {
            return problem(new ParseProblem(path, line, message));
        }

        public Facts build() {
            return new Facts(facts, List.copyOf(problems));
        }
    }
}
