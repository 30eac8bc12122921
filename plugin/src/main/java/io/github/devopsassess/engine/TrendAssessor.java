package io.github.devopsassess.engine;

import io.github.devopsassess.model.AreaScore;
import io.github.devopsassess.model.TrendPoint;
import io.github.devopsassess.rubric.Rubric;
import io.github.devopsassess.scan.ScanOptions;
import io.github.devopsassess.score.Scorer;
import io.github.devopsassess.source.CommitTree;
import io.github.devopsassess.source.History;
import io.github.devopsassess.source.MinedCommit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Computes the trend without stored runs: the repository is re-assessed as it was at past points in time. At each
 * point the tree is the newest first-parent ancestor of the assessed commit at that time, read through
 * {@link CommitTree}, and the history is the once-mined history cut off at that time — history is never mined
 * again.
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
    List<TrendPoint> trend(Repository repository, RevCommit head, History history, String subtree, int points) {
        long start = System.nanoTime();
        long oldest = oldestTime(history);
        List<Long> instants = monthEnds(head.getCommitTime(), oldest, points);
        boolean spread = instants.size() < Math.min(points, 2);
        if (spread) {
            instants = spread(head.getCommitTime(), oldest, points);
        }
        if (history.shallow()) {
            instants.removeIf(t -> t < history.truncatedAt());
        }
        List<TrendPoint> out = new ArrayList<>();
        Map<String, TrendPoint> byCommit = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (long t : instants) {
                RevCommit at = commitAt(walk, walk.parseCommit(head), t);
                if (at == null || at.name().equals(head.name())) {
                    continue; // before the first commit, or nothing changed since: the current run shows it
                }
                TrendPoint cached = byCommit.get(at.name());
                if (cached != null && spread) {
                    continue; // spread over a short history: one point per commit, dated by the commit
                }
                String date = Instant.ofEpochSecond(spread ? at.getCommitTime() : t).toString();
                if (cached != null) {
                    out.add(new TrendPoint(date, cached.commit(), cached.source(), cached.score(), cached.level(),
                            cached.areas()));
                    continue;
                }
                TrendPoint point = assessAt(repository, at, cut(history, at, t), subtree, date);
                byCommit.put(at.name(), point);
                out.add(point);
            }
        } catch (IOException | RuntimeException e) {
            info.accept("Trend: stopped at a commit that could not be read (" + e.getMessage() + ")");
        }
        info.accept(String.format(Locale.ROOT, "Trend: re-assessed %d past points (%d distinct commits) in %.1f s",
                out.size(), byCommit.size(), (System.nanoTime() - start) / 1e9));
        return out;
    }

    private TrendPoint assessAt(Repository repository, RevCommit at, History history, String subtree, String date) {
        CommitTree tree = new CommitTree(repository, at, subtree, maxFileSize);
        Assessor.Evaluation evaluation = assessor.evaluate(rubric, tree, history.commits().isEmpty() ? null : history,
                history.commits().isEmpty() ? "no commit before " + date : null, options, s -> { });
        Scorer.Scores scores = evaluation.scores();
        Map<String, Integer> areas = new TreeMap<>();
        for (AreaScore a : scores.areas()) {
            if (a.assessed()) {
                areas.put(a.area(), a.score());
            }
        }
        return new TrendPoint(date, at.name(), TrendPoint.REASSESSED, scores.score(), scores.level(), areas);
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
        for (History.Merge m : history.merges()) {
            oldest = Math.min(oldest, m.commitTime());
        }
        return oldest == Long.MAX_VALUE ? 0 : oldest;
    }

    /** The newest commit on the first-parent chain from head that was committed at or before {@code time}. */
    private static RevCommit commitAt(RevWalk walk, RevCommit head, long time) throws IOException {
        RevCommit c = head;
        while (c.getCommitTime() > time) {
            if (c.getParentCount() == 0) {
                return null;
            }
            c = walk.parseCommit(c.getParent(0));
        }
        return c;
    }

    /** The mined history as it looked at {@code time}: the same commits, without those made later. */
    static History cut(History history, RevCommit at, long time) {
        return new History(at.name(),
                history.commits().stream().filter(c -> c.commitTime() <= time).toList(),
                history.merges().stream().filter(m -> m.commitTime() <= time).toList(),
                history.tags().stream().filter(t -> t.commitTime() <= time).toList(),
                history.shallow(), history.truncatedAt(), java.util.Set.of(), Map.of(),
                history.deployMarkers().stream().filter(d -> d.commitTime() <= time).toList(), History.Stats.NONE);
    }
}
