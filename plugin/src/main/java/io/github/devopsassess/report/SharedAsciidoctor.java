package io.github.devopsassess.report;

import java.util.concurrent.CompletableFuture;

import org.asciidoctor.Asciidoctor;

/**
 * One Asciidoctor (JRuby) instance per JVM: creating it costs seconds, converting a page milliseconds. It starts in
 * a background thread as soon as an assessment begins, so its start-up overlaps scanning and mining. The instance
 * is shared by every mojo execution and test in the JVM; conversions are serialised on it.
 */
public final class SharedAsciidoctor {

    private static final Object LOCK = new Object();
    private static CompletableFuture<Asciidoctor> instance;
    private static final CompletableFuture<Void> WARMED = new CompletableFuture<>();
    /** Enough for JRuby to compile the methods a report page calls most (its threshold is some 50 calls). */
    private static final int WARM_UP_CONVERSIONS = 25;
    /** Set when a render needs the instance: the warm-up then stops after the conversion under way. */
    private static volatile boolean wanted;

    private SharedAsciidoctor() {
    }

    /** Starts creating the instance if nobody has yet; returns immediately. */
    public static void warmUp() {
        future();
    }

    public static Asciidoctor get() {
        wanted = true;
        return future().join();
    }

    /** Waits until the instance has started and converted its warm-up page (for the benchmark). */
    public static void awaitWarm() {
        future();
        WARMED.join();
    }

    /**
     * JRuby loads the parser and converter lazily, interprets them at first and compiles a method only after it has
     * run many times: the first real site used to take several times as long as the next one. Converting a page
     * shaped like the report's (sections, a table, finding blocks with lists, roles, links and passthrough) again and
     * again while the repository is still being mined takes that cost off the critical path. It is a page of a few
     * findings converted many times, not one big page, so that it stops within one short conversion as soon as a
     * real render asks for the instance: on a small repository the render comes before the warm-up is done.
     */
    private static void warm(Asciidoctor asciidoctor) {
        StringBuilder page = new StringBuilder("= Warm-up\n:toc:\n\n== Overview\n\n[.role]#text# *bold* `code`"
                + " link:x.html[x]\n\n[cols=\"3,1,1\",options=\"header\"]\n|===\n|Check |Score |Status\n");
        for (int i = 0; i < 8; i++) {
            page.append("|link:checks/c").append(i).append(".html[check ").append(i).append("] |").append(i)
                    .append(" |[.fail]#fail#\n");
        }
        page.append("|===\n\n== Findings\n\n");
        for (int i = 0; i < 8; i++) {
            page.append("[[f").append(i).append("]]\n[.finding.high]\n====\n.Finding ").append(i)
                    .append("\n* path `src/F").append(i).append(".java` line ").append(i).append("\n* owner _team_")
                    .append(" +\nnext\n+\n++++\n<pre>excerpt ").append(i).append("</pre>\n++++\n\nAdvice with")
                    .append(" a https://example.org[link] and a footnote-free sentence.\n====\n\n");
        }
        try {
            for (int round = 0; round < WARM_UP_CONVERSIONS && !wanted; round++) {
                synchronized (asciidoctor) {
                    asciidoctor.convert(page.toString(), org.asciidoctor.Options.builder()
                            .safe(org.asciidoctor.SafeMode.SECURE).standalone(true).build());
                }
            }
        } catch (RuntimeException e) {
            // Only a head start; the real conversion reports any real problem.
        }
    }

    private static CompletableFuture<Asciidoctor> future() {
        synchronized (LOCK) {
            if (instance == null) {
                ClassLoader loader = SharedAsciidoctor.class.getClassLoader();
                instance = new CompletableFuture<>();
                CompletableFuture<Asciidoctor> target = instance;
                Thread t = new Thread(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    Asciidoctor created;
                    try {
                        created = Asciidoctor.Factory.create();
                        target.complete(created);
                    } catch (Throwable e) {
                        target.completeExceptionally(e);
                        WARMED.complete(null);
                        return;
                    }
                    warm(created);
                    WARMED.complete(null);
                }, "devops-asciidoctor-start");
                t.setDaemon(true);
                t.start();
            }
            return instance;
        }
    }
}
