package io.github.devopsassess.scan;

import io.github.devopsassess.facts.TreeFacts;
import io.github.devopsassess.facts.Facts;

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
    }
}
