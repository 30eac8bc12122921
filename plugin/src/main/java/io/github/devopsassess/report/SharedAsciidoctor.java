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

    private SharedAsciidoctor() {
    }

    /** Starts creating the instance if nobody has yet; returns immediately. */
    public static void warmUp() {
        future();
    }

    public static Asciidoctor get() {
        return future().join();
    }

    /**
     * JRuby loads the parser and converter lazily and compiles them on use: the first conversion costs far more than
     * the next. Converting a small page with the block types the report uses while the repository is still being
     * mined takes that cost off the critical path. Conversions lock the instance, so a render waits for this.
     */
    private static void warm(Asciidoctor asciidoctor) {
        String page = "= Warm-up\n\n== Section\n\n[.role]#text# *bold* `code` link:x.html[x]\n\n"
                + "[cols=\"1,1\",options=\"header\"]\n|===\n|a |b\n|+++c+++ |d +\ne\n|===\n\n"
                + "[[anchor]]\n[.finding]\n====\n.Title\n* item\n+\n++++\n<pre>x</pre>\n++++\n====\n";
        try {
            synchronized (asciidoctor) {
                asciidoctor.convert(page, org.asciidoctor.Options.builder().safe(org.asciidoctor.SafeMode.SECURE)
                        .standalone(true).build());
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
                        return;
                    }
                    warm(created);
                }, "devops-asciidoctor-start");
                t.setDaemon(true);
                t.start();
            }
            return instance;
        }
    }
}
