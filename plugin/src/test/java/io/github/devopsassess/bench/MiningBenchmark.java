package io.github.devopsassess.bench;

import io.github.devopsassess.source.GitHistory;
import io.github.devopsassess.source.GitRepos;
import io.github.devopsassess.source.History;
import io.github.devopsassess.source.JGitSetup;
import io.github.devopsassess.source.Mailmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * One mining run for {@code bench/run.sh}: mines the history of a clone or bare repository the way the plugin does
 * and prints one line of figures. Not a test: it measures wall time, which unit tests never assert.
 *
 * <pre>
 * MiningBenchmark &lt;repository&gt; &lt;touch|lines&gt; [cache folder|-] [threads, 0 = automatic] [revision, default HEAD]
 * </pre>
 */
public final class MiningBenchmark {

    private MiningBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MiningBenchmark <repository> <touch|lines> [cache folder|-] [threads] [revision]");
            System.exit(2);
        }
        boolean lines = args[1].equals("lines");
        Path cache = args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        JGitSetup.installOnce();
        try (Repository repo = GitRepos.open(Path.of(args[0]))) {
            ObjectId head = repo.resolve((args.length > 4 ? args[4] : "HEAD") + "^{commit}");
            GitHistory.Options options = new GitHistory.Options(lines, true, 1024 * 1024, threads, "v*", cache);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            History h = new GitHistory(repo, Mailmap.empty(), options, System.err::println).mine(head, "");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            long touches = h.commits().stream().mapToLong(c -> c.files().size()).sum();
            System.out.printf(Locale.ROOT, "mode=%s commits=%d merges=%d touches=%d mined=%d cached=%d mine_s=%.3f"
                    + " mine_cpu_s=%.3f jvm_s=%.3f peak_rss_mb=%d heap_max_mb=%d%n", args[1], h.commits().size(), h.merges().size(),
                    touches, h.stats().mined(), h.stats().fromCache(), seconds, cpu,
                    (System.currentTimeMillis() - jvmStart) / 1e3, peakRssMb(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    /** CPU time of the whole JVM (mining threads, JIT compiler, GC): fair on a machine shared with other jobs. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** VmHWM of this process (Linux), -1 elsewhere. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
