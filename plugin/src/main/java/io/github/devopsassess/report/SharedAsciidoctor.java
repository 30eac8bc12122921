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

    private static CompletableFuture<Asciidoctor> future() {
        synchronized (LOCK) {
            if (instance == null) {
                ClassLoader loader = SharedAsciidoctor.class.getClassLoader();
                instance = new CompletableFuture<>();
                CompletableFuture<Asciidoctor> target = instance;
                Thread t = new Thread(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    try {
                        target.complete(Asciidoctor.Factory.create());
                    } catch (Throwable e) {
                        target.completeExceptionally(e);
                    }
                }, "devops-asciidoctor-start");
                t.setDaemon(true);
                t.start();
            }
            return instance;
        }
    }
}
