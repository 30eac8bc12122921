package io.github.devopsassess.check.history;

import io.github.devopsassess.facts.ProductionService;
import io.github.devopsassess.facts.history.HistoryFacts;

import java.util.List;

/**
 * A DORA delivery metric: it reads the history of a project that runs a service in production. A library, a
 * template or a demo releases to its users and has no deployment of its own to measure.
 */
abstract class DoraCheck extends HistoryCheck {

    @Override
    public List<Class<?>> requires() {
        return List.of(HistoryFacts.class, ProductionService.class);
    }
}
