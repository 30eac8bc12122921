package io.github.devopsassess.scan.history;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.GeneratedProject;
import io.github.devopsassess.facts.history.HistoryFacts;
import io.github.devopsassess.facts.history.Involvement;
import io.github.devopsassess.facts.history.Involvements;
import io.github.devopsassess.facts.history.Person;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.People;
import io.github.devopsassess.facts.Pseudonyms;
import io.github.devopsassess.scan.ScanContext;
import io.github.devopsassess.scan.Scanner;
import io.github.devopsassess.facts.history.FileTouch;
import io.github.devopsassess.source.History;
import io.github.devopsassess.facts.history.MinedCommit;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** Turns mined history into facts: people resolved, bots marked, commits oldest first, source files listed. */
public final class HistoryScanner implements Scanner {

    /** What the trend's points ask again about unchanged files, remembered for as long as this scanner lives. */
    private final GeneratedFiles generatedFiles = new GeneratedFiles();

    @Override
    public String id() {
        return "history";
    }

    @Override
    public void scan(ScanContext context, Facts.Builder facts) {
        History history = context.history();
        boolean showNames = context.options().showNames();
        Pseudonyms pseudonyms = context.options().pseudonyms();
        if (history == null) {
            facts.put(HistoryFacts.class, HistoryFacts.missing(context.historyMissing()));
            facts.put(People.class, People.withoutHistory(showNames, pseudonyms));
            return;
        }
        HistoryOptions options = context.options().history();
        Identities identities = readIdentities(context, options, facts);
        People.Builder index = People.builder(showNames, pseudonyms);
        Map<String, Person> people = new LinkedHashMap<>();
        List<AuthoredCommit> commits = new ArrayList<>();
        boolean lineCounts = false;
        PersonKeys keys = PersonKeys.of(history, identities);
        // thousands of commits, a few hundred identities: each identity is resolved once (the trend scans again and
        // again)
        Map<String, Person> byIdentity = new HashMap<>();
        // one person per key, named once; every identity they used is indexed for the other inputs' names
        BiFunction<String, String, Person> resolve = (name, email) -> {
            Person person = people.computeIfAbsent(keys.keyOf(name, email), k -> new Person(k,
                    display(k, keys.nameOf(k, name), showNames, pseudonyms),
                    isBot(name, email, context.options().botPatterns())));
            index.identity(person, name, email);
            return person;
        };
        for (MinedCommit c : history.commits()) {
            if (onlyBookkeeping(c)) {
                continue;
            }
            Person p = byIdentity.computeIfAbsent(c.authorName() + '\u0000' + c.authorEmail(),
                    identity -> resolve.apply(c.authorName(), c.authorEmail()));
            commits.add(new AuthoredCommit(c, p));
            if (!lineCounts) {
                lineCounts = c.files().stream().anyMatch(f -> f.added() >= 0);
            }
        }
        List<Merge> merges = new ArrayList<>();
        for (Merge m : history.merges()) {
            // mergers appear in review findings and count as active; they get a person (and a pseudonym) even if
            // they author nothing
            Person author = resolve.apply(m.authorName(), m.authorEmail());
            Person committer = resolve.apply(m.committerName(), m.committerEmail());
            merges.add(m.withKeys(author.key(), committer.key()));
        }
        // committers, reviewers, acknowledgers and co-authors: activity, not authorship; a person of history is
        // known by these identities too
        List<Involvement> involvements = new ArrayList<>();
        for (Involvement i : history.involvements()) {
            String k = keys.keyOf(i.name(), i.email());
            Person known = people.get(k);
            if (known != null) {
                index.identity(known, i.name(), i.email());
            }
            involvements.add(i.withKey(k));
        }
        facts.put(Involvements.class, new Involvements(involvements));
        // the identities file names people by e-mails and names that need not appear in any commit (an on-call
        // roster, CODEOWNERS): they are the same person
        identities.aliases().forEach(alias -> {
            String k = alias.contains("@") ? keys.keyOf(null, alias) : keys.keyOf(alias, null);
            if (people.containsKey(k)) {
                index.alias(alias, k);
            }
        });
        facts.put(People.class, index.build());
        Collections.reverse(commits);
        Collections.reverse(merges);
        if (commits.isEmpty()) {
            facts.put(HistoryFacts.class, HistoryFacts.missing("no commit touches " + (context.tree().subtree()
                    .isEmpty() ? "the repository" : context.tree().subtree() + "/")));
            return;
        }
        SourceFiles sources = SourceFiles.withExtraExcludes(options.sourceExcludes());
        List<String> candidates = context.tree().files().stream()
                .filter(f -> sources.isSource(context.tree().relativeToSubtree(f))).toList();
        // what a generator wrote is no one's knowledge: its committer only ran the generator
        java.util.Set<String> generated = generatedFiles.generated(context.tree(), candidates);
        List<String> sourceFiles = generated.isEmpty() ? candidates
                : candidates.stream().filter(f -> !generated.contains(f)).toList();
        GeneratedFiles.project(context.tree(), commits, sourceFiles)
                .ifPresent(p -> facts.put(GeneratedProject.class, p));
        long headTime = commits.get(commits.size() - 1).commit().commitTime();
        for (AuthoredCommit c : commits) {
            headTime = Math.max(headTime, c.commit().commitTime());
        }
        if (history.shallow()) {
            facts.problem(null, null, "history truncated at "
                    + java.time.Instant.ofEpochSecond(history.truncatedAt()) + " (shallow clone); history checks see"
                    + " only part of it and are low-confidence. Clone with full history (fetch-depth: 0) for a"
                    + " complete assessment.");
        }
        facts.put(HistoryFacts.class, new HistoryFacts(true, null, commits, merges, history.tags(), people,
                sourceFiles, headTime, history.shallow(), history.truncatedAt(), history.mainline(),
                history.firstDeployment(), options.releaseTags(), lineCounts, history.deployMarkers(),
                options.deployMarkers()));
        context.log().accept("History: " + Words.plural(commits.size(), "commit", "commits") + " by "
                + Words.plural(commits.stream().map(c -> c.author().key()).distinct().count(), "person", "people")
                + " in "
                + (context.tree().subtree().isEmpty() ? "the repository" : context.tree().subtree() + "/")
                + (generated.isEmpty() ? "" : "; " + Words.plural(generated.size(), "generated file", "generated files")
                        + " left out of authorship"));
    }

    private static Identities readIdentities(ScanContext context, HistoryOptions options, Facts.Builder facts) {
        if (options.identitiesFile() == null || options.identitiesFile().isBlank()) {
            return Identities.none();
        }
        String path = context.tree().inSubtree(options.identitiesFile().trim());
        RepoTree.TextRead read = context.tree().readText(path);
        if (!read.ok()) {
            facts.problem(path, null, "devops.identities file not read (" + read.skipped() + "); people are merged"
                    + " by .mailmap and e-mail only");
            return Identities.none();
        }
        return Identities.parse(path, read.text(), facts);
    }

    /** The files the assessment itself keeps in the repository: accepting a baseline is not the team's work. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("devops-baseline.json",
            "devops-baseline.json.bak", "devops-waivers.yaml");

    /**
     * A commit that only changes the assessment's own files (the baseline, the waivers): it is no change to review
     * or to own, so it is left out; otherwise every accepted baseline would count as one more unreviewed change.
     */
    static boolean onlyBookkeeping(MinedCommit c) {
        if (c.files().isEmpty()) {
            return false;
        }
        for (FileTouch f : c.files()) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (!BOOKKEEPING.contains(name)) {
                return false;
            }
        }
        return true;
    }

    static String key(String name, String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return e.isEmpty() ? (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) : e;
    }

    static boolean isBot(String name, String email, List<String> patterns) {
        String haystack = ((name == null ? "" : name) + " <" + (email == null ? "" : email) + ">")
                .toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (haystack.contains(p.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The seed warns against blame: reports name areas and teams first, so people are pseudonyms unless the team
     * opts in. The pseudonym is keyed on the person (see {@link Pseudonyms}), so that it is the same in every run and
     * every report under one key, and cannot be recomputed from the e-mail without the key.
     */
    static String display(String key, String name, boolean showNames, Pseudonyms pseudonyms) {
        if (showNames) {
            return name == null || name.isBlank() ? key : name;
        }
        return pseudonyms.of(key);
    }
}
