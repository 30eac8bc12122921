package io.github.devopsassess.engine;

import io.github.devopsassess.facts.history.Merge;
import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.score.Scorer;
import io.github.devopsassess.source.GitCommit;
import io.github.devopsassess.source.GitRepository;
import io.github.devopsassess.source.History;
import io.github.devopsassess.source.RepoTree;
import io.github.devopsassess.facts.history.MinedCommit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Computes the trend without stored runs: the repository is re-assessed as it was at past points in time. At each
 * point the tree is the newest first-parent ancestor of the assessed commit at that time, read from the object
 * database ({@link GitRepository#tree}), and the history is the once-mined history cut off at that time — history
 * is never mined again.
 */
final class TrendAssessor {

    private final Assessor assessor;
    private final Rubric rubric;
    private final ScanOptions options;
    private final Consumer<String> info;
    private final long maxFileSize;

    TrendAssessor(Assessor assessor, Rubric rubric, ScanOptions options, Consumer<String> info, long maxFileSize) {
        this.assessor = assessor;
        this.rubric = rubric;
        this.options = options;
        this.info = info;
        this.maxFileSize = maxFileSize;
    }

    /**
     * @param points how many past points to compute
     * @return the points, oldest first; the assessed commit itself is not among them
     */
    List<TrendPoint> trend(GitRepository repository, GitCommit head, History history, String subtree, int points) {
        return compute(repository, head, history, subtree, points).points();
    }

    /**
     * The trend's points, and whether every planned point was assessed (a point left out, or a commit that could not
     * be read, makes a trend that is not worth keeping for the next run).
     */
    record Trend(List<TrendPoint> points, boolean complete) {
    }

    Trend compute(GitRepository repository, GitCommit head, History history, String subtree, int points) {
        long start = System.nanoTime();
        long oldest = oldestTime(history);
        boolean spread = spreads(head.commitTime(), oldest, points);
        List<Long> instants = instants(head.commitTime(), oldest, points);
        if (history.shallow()) {
            instants.removeIf(t -> t < history.truncatedAt());
        }
        // Which commit stands for each point, in order; a commit standing for several points is assessed once, with
        // the history as it was at its first point.
        List<Planned> plan = new ArrayList<>();
        Map<String, Planned> first = new LinkedHashMap<>();
        boolean complete = true;
        try {
            List<GitCommit> commits = commitsAt(repository, head, instants);
            for (int i = 0; i < instants.size(); i++) {
                long t = instants.get(i);
                GitCommit at = commits.get(i);
                if (at == null || at.id().equals(head.id())) {
                    continue; // before the first commit, or nothing changed since: the current run shows it
                }
                if (first.containsKey(at.id()) && spread) {
                    continue; // spread over a short history: one point per commit, dated by the commit
                }
                Planned p = new Planned(t, at, Instant.ofEpochSecond(spread ? at.commitTime() : t).toString());
                plan.add(p);
                first.putIfAbsent(at.id(), p);
            }
        } catch (IOException | RuntimeException e) {
            complete = false;
            info.accept("Trend: stopped at a commit that could not be read (" + e.getMessage() + ")");
        }
        Map<String, TrendPoint> byCommit = assessAll(repository, history, subtree, first.values());
        List<TrendPoint> out = new ArrayList<>();
        for (Planned p : plan) {
            TrendPoint point = byCommit.get(p.at().id());
            if (point != null) {
                out.add(p == first.get(p.at().id()) ? point : new TrendPoint(p.date(), point.commit(),
                        point.source(), point.score(), point.level(), point.areas()));
            }
        }
        info.accept(String.format(Locale.ROOT, "Trend: re-assessed %d past points (%d distinct commits) in %.1f s",
                out.size(), byCommit.size(), (System.nanoTime() - start) / 1e9));
        return new Trend(out, complete && byCommit.size() == first.size());
    }

    /** Points spread over the history instead of month-ends: a history younger than two month-ends. */
    private static boolean spreads(long headTime, long oldestTime, int points) {
        return monthEnds(headTime, oldestTime, points).size() < Math.min(points, 2);
    }

    /** The instants of the trend's points, oldest first, before a shallow history's cut removes any. */
    private static List<Long> instants(long headTime, long oldestTime, int points) {
        return spreads(headTime, oldestTime, points) ? spread(headTime, oldestTime, points)
                : monthEnds(headTime, oldestTime, points);
    }

    /**
     * The commits the trend will assess (chosen as {@link #trend} chooses them, a shallow history's cut aside, which
     * only removes points): what history mining needs to know to count lines only for the files those trees hold.
     *
     * @param oldestTime the oldest commit time of the history, as {@link #oldestTime} computes it
     */
    static List<GitCommit> pastCommits(GitRepository repository, GitCommit head, long oldestTime, int points)
            throws IOException {
        if (points <= 0) {
            return List.of();
        }
        List<GitCommit> out = new ArrayList<>();
        for (GitCommit c : commitsAt(repository, head, instants(head.commitTime(), oldestTime, points))) {
            if (c != null && !c.id().equals(head.id())) {
                out.add(c);
            }
        }
        return out;
    }

    /** A past point: its time, the commit that stands for it, and the date it is shown with. */
    private record Planned(long time, GitCommit at, String date) {
    }

    /**
     * Assesses each commit once, on as many workers as there are cores (at most four): the points are independent,
     * and by the time the trend runs the history is mined, so the cores are mostly free. A point whose commit cannot
     * be assessed is left out and said so; the others still count.
     */
    private Map<String, TrendPoint> assessAll(GitRepository repository, History history, String subtree,
            Collection<Planned> commits) {
        List<Planned> todo = new ArrayList<>(commits);
        // the latest points have the longest histories: started first, they do not leave one worker finishing alone
        todo.sort(java.util.Comparator.comparingLong(Planned::time).reversed());
        List<Future<TrendPoint>> futures = new ArrayList<>();
        int workers = Math.max(1, Math.min(todo.size(), Math.min(4, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "devops-trend");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Planned p : todo) {
                futures.add(pool.submit(() -> assessAt(repository, p.at(), cut(history, p.at().id(), p.time()),
                        subtree, p.date())));
            }
            Map<String, TrendPoint> out = new HashMap<>();
            for (int i = 0; i < todo.size(); i++) {
                try {
                    out.put(todo.get(i).at().id(), futures.get(i).get());
                } catch (ExecutionException e) {
                    leftOut(todo.get(i), e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            pool.shutdownNow();
        }
    }

    private void leftOut(Planned p, Throwable cause) {
        info.accept("Trend: left out " + p.date() + " (commit " + p.at().id() + "), which could not be assessed ("
                + cause + ")");
    }

    private TrendPoint assessAt(GitRepository repository, GitCommit at, History history, String subtree,
            String date) {
        RepoTree tree = repository.tree(at, subtree, maxFileSize);
        Assessor.Evaluation evaluation = assessor.evaluate(rubric, tree, history.commits().isEmpty() ? null : history,
                history.commits().isEmpty() ? "no commit before " + date : null, options, s -> { });
        Scorer.Scores scores = evaluation.scores();
        Map<String, Integer> areas = new TreeMap<>();
        for (AreaScore a : scores.areas()) {
            if (a.assessed()) {
                areas.put(a.area(), a.score());
            }
        }
        return new TrendPoint(date, at.id(), TrendPoint.REASSESSED, scores.score(), scores.level(), areas);
    }

    /** The last {@code points} month-ends (UTC, 23:59:59) before {@code headTime} and not before the history. */
    static List<Long> monthEnds(long headTime, long oldestTime, int points) {
        TreeSet<Long> monthEnds = new TreeSet<>();
        YearMonth month = YearMonth.from(Instant.ofEpochSecond(headTime).atZone(ZoneOffset.UTC));
        for (int i = 1; i <= points; i++) {
            long t = month.minusMonths(i).atEndOfMonth().atTime(LocalTime.MAX.withNano(0)).toEpochSecond(
                    ZoneOffset.UTC);
            if (t >= oldestTime) {
                monthEnds.add(t);
            }
        }
        return new ArrayList<>(monthEnds);
    }

    /**
     * Points spread evenly from the first commit to the head, for a history younger than two month-ends, so that a
     * young repository still shows how it developed.
     */
    static List<Long> spread(long headTime, long oldestTime, int points) {
        TreeSet<Long> spread = new TreeSet<>();
        long span = Math.max(0, headTime - oldestTime);
        for (int i = 0; i < points; i++) {
            spread.add(oldestTime + span * i / points);
        }
        return new ArrayList<>(spread);
    }

    private static long oldestTime(History history) {
        long oldest = Long.MAX_VALUE;
        for (MinedCommit c : history.commits()) {
            oldest = Math.min(oldest, c.commitTime());
        }
        for (Merge m : history.merges()) {
            oldest = Math.min(oldest, m.commitTime());
        }
        return oldest == Long.MAX_VALUE ? 0 : oldest;
    }

    /**
     * The commit standing for each instant (ascending), {@code null} before the first commit: the newest commit on
     * the first-parent chain from head committed at or before it. Walked newest instant first, each from the commit
     * found for the next newer one, so the chain is read once: every commit passed on the way to a newer instant's
     * commit was committed after that instant, hence after the older one too. A commit that cannot be read fails the
     * whole list (no point is planned), as it did when each instant was walked from head oldest first: the walk to
     * the oldest instant passes every commit the others do.
     */
    private static List<GitCommit> commitsAt(GitRepository repository, GitCommit head, List<Long> instants)
            throws IOException {
        GitCommit[] at = new GitCommit[instants.size()];
        GitCommit from = head;
        for (int i = instants.size() - 1; i >= 0 && from != null; i--) {
            from = repository.firstParentAt(from, instants.get(i));
            at[i] = from;
        }
        return java.util.Arrays.asList(at);
    }

    /** The mined history as it looked at {@code time}: the same commits, without those made later. */
    static History cut(History history, String at, long time) {
        return new History(at,
                history.commits().stream().filter(c -> c.commitTime() <= time).toList(),
                history.merges().stream().filter(m -> m.commitTime() <= time).toList(),
                history.tags().stream().filter(t -> t.commitTime() <= time).toList(),
                history.shallow(), history.truncatedAt(), java.util.Set.of(), Map.of(),
                history.deployMarkers().stream().filter(d -> d.commitTime() <= time).toList(), History.Stats.NONE,
                history.involvements().stream().filter(i -> i.time() <= time).toList());
    }
}
