package io.github.devopsassess.scan;

import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ScanScope;

/** Lists the assessed files; every other scanner and several checks start from this list. */
public final class TreeScanner implements Scanner {

    @Override
    public String id() {
        return "tree";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        facts.put(TreeFacts.class, new TreeFacts(context.tree().subtree(), context.tree().files(),
                context.tree().describe(), context.options().repositoryName()));
        facts.put(ScanScope.class, new ScanScope(context.options().history() == null ? java.util.List.of()
                : context.options().history().sourceExcludes()));
    }
}
