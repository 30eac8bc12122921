package io.github.devopsassess.facts.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions about the job graph that several checks ask: which jobs run before or after a job, which jobs a
 * reusable-workflow call runs, how many manual gates stand on the way to a job, how long the longest chain is.
 * Pure functions of the model; cycles (which CI systems reject) are cut instead of looping.
 */
public final class PipelineGraph {

    private final PipelineFacts facts;

    public PipelineGraph(PipelineFacts facts) {
        this.facts = facts;
    }

    /** A production deploy job and the workflow it belongs to. */
    public record Placed(Workflow workflow, Job job) {
        public String subject() {
            return workflow.path() + "#" + (workflow.system().equals("circleci") ? workflow.name() + "/" : "")
                    + job.id();
        }
    }

    /** Production deploy jobs of the workflows that run on their own, in path and file order. */
    public List<Placed> productionJobs() {
        List<Placed> out = new ArrayList<>();
        for (Workflow w : facts.entryWorkflows()) {
            for (Job j : w.jobs()) {
                if (j.production()) {
                    out.add(new Placed(w, j));
                }
            }
        }
        return out;
    }

    /** Jobs of the local reusable workflows a job calls, transitively. */
    public List<Job> calledJobs(Job job) {
        List<Job> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (job.calls() != null) {
            todo.add(job.calls());
        }
        while (!todo.isEmpty()) {
            String path = todo.poll();
            if (!seen.add(path)) {
                continue;
            }
            facts.workflow(path).ifPresent(w -> w.jobs().forEach(j -> {
                out.add(j);
                if (j.calls() != null) {
                    todo.add(j.calls());
                }
            }));
        }
        return out;
    }

    /** The job itself and every job its reusable-workflow call runs. */
    public List<Job> withCalled(Job job) {
        List<Job> out = new ArrayList<>();
        out.add(job);
        out.addAll(calledJobs(job));
        return out;
    }

    /** Jobs that must finish before this one, nearest first. */
    public static List<Job> ancestors(Workflow w, Job job) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(job.needs());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (id.equals(job.id()) || !seen.add(id)) {
                continue;
            }
            w.job(id).ifPresent(j -> todo.addAll(j.needs()));
        }
        return seen.stream().map(w::job).flatMap(java.util.Optional::stream).toList();
    }

    /** Jobs that wait (directly or not) for this one. */
    public static List<Job> descendants(Workflow w, Job job) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(job.id()));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            for (Job j : w.jobs()) {
                if (j.needs().contains(id) && seen.add(j.id())) {
                    todo.add(j.id());
                }
            }
        }
        return w.jobs().stream().filter(j -> seen.contains(j.id())).toList();
    }

    /**
     * The largest number of manual gates on one path of {@code needs} that ends at the job: its own gates count
     * always; an earlier job's gate counts only when it blocks (GitLab's job-level {@code when: manual} does not).
     * Gates inside a called reusable workflow count as the caller's.
     */
    public int gatesOnPath(Workflow w, Job job) {
        return gatesOnPath(w, job, true, new HashMap<>(), new HashSet<>());
    }

    private int gatesOnPath(Workflow w, Job job, boolean target, Map<String, Integer> memo, Set<String> visiting) {
        String key = job.id() + (target ? "!" : "");
        if (memo.containsKey(key)) {
            return memo.get(key);
        }
        if (!visiting.add(job.id())) {
            return 0;
        }
        int own = 0;
        for (Job j : withCalled(job)) {
            own += (int) j.gates().stream().filter(g -> target || g.blocking()).count();
        }
        int before = 0;
        for (String need : job.needs()) {
            Job n = w.job(need).orElse(null);
            if (n != null) {
                before = Math.max(before, gatesOnPath(w, n, false, memo, visiting));
            }
        }
        visiting.remove(job.id());
        memo.put(key, own + before);
        return own + before;
    }

    /** The jobs of the longest chain of {@code needs} in the workflow, first to last. */
    public static List<Job> longestChain(Workflow w) {
        Map<String, List<Job>> memo = new HashMap<>();
        List<Job> best = List.of();
        for (Job j : w.jobs()) {
            List<Job> chain = chainTo(w, j, memo, new HashSet<>());
            if (chain.size() > best.size()) {
                best = chain;
            }
        }
        return best;
    }

    private static List<Job> chainTo(Workflow w, Job job, Map<String, List<Job>> memo, Set<String> visiting) {
        if (memo.containsKey(job.id())) {
            return memo.get(job.id());
        }
        if (!visiting.add(job.id())) {
            return List.of();
        }
        List<Job> longest = List.of();
        for (String need : job.needs()) {
            Job n = w.job(need).orElse(null);
            if (n != null) {
                List<Job> c = chainTo(w, n, memo, visiting);
                if (c.size() > longest.size()) {
                    longest = c;
                }
            }
        }
        visiting.remove(job.id());
        List<Job> chain = new ArrayList<>(longest);
        chain.add(job);
        memo.put(job.id(), chain);
        return chain;
    }

    private static final java.util.regex.Pattern NON_PRODUCTION = java.util.regex.Pattern.compile(
            "(?i)\\b(staging|stage|stg|qa|test|testing|dev|development|uat|preprod|pre-prod|sandbox|review|demo)\\b");

    /**
     * Whether a person must approve before this production job runs: a gate on the job (or its called workflow),
     * or a blocking gate earlier on its path that is not tied to a non-production target (an approval job for
     * staging or QA approves staging, not production).
     */
    public boolean gatedForProduction(Workflow w, Job job) {
        if (withCalled(job).stream().anyMatch(j -> !j.gates().isEmpty())) {
            return true;
        }
        return ancestors(w, job).stream().anyMatch(a -> a.gates().stream().anyMatch(ManualGate::blocking)
                && !forNonProduction(a));
    }

    /** A gated job whose environment or name names a non-production target. */
    public static boolean forNonProduction(Job job) {
        if (job.production()) {
            return false;
        }
        String names = job.id() + " " + job.name() + (job.environment() == null ? "" : " "
                + job.environment().name());
        return NON_PRODUCTION.matcher(names.replace('_', ' ').replace('-', ' ')).find();
    }
}
