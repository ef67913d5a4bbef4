package dev.gatehouse.platform.jsonnet;

import dev.gatehouse.kernel.JsonP;
import scala.Function1;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import scala.util.Either;
import sjsonnet.CachedResolver;
import sjsonnet.DefaultParseCache;
import sjsonnet.Evaluator;
import sjsonnet.Expr;
import sjsonnet.Importer;
import sjsonnet.Interpreter;
import sjsonnet.Lazy;
import sjsonnet.OsPath;
import sjsonnet.Settings;
import sjsonnet.Settings$;
import sjsonnet.Val;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs sjsonnet. {@link #interpret} evaluates a program with external variables ({@code std.extVar}) and top-level
 * arguments ({@code function(ctx) ...}), both given as jsonnet code (a JSON text is jsonnet code); the evaluator
 * gives up at the next expression once its thread is interrupted. {@link #bounded} runs an evaluation on its own
 * daemon thread, at most {@link #MAX_RUNNING} at once, and stops waiting for it after a timeout, so a heavy program
 * cannot hold its caller for as long as it likes.
 *
 * <p>Plain threads rather than a container-managed executor: documents are also evaluated outside the container
 * (unit tests, the benchmark), and an evaluation needs no container context.
 */
public final class Jsonnet {

    public static final int MAX_RUNNING = 4;

    private static final Semaphore SLOTS = new Semaphore(MAX_RUNNING);

    private Jsonnet() {
    }

    /**
     * The program's result as compact JSON text, or the evaluation's error message (which may quote the document)
     * as the left side.
     *
     * @param doc      the document's path, for imports relative to it and positions in errors
     * @param importer resolves and reads imports
     * @param extVars  external variables, each value jsonnet code
     * @param tlaVars  top-level arguments, each value jsonnet code
     */
    public static Either<String, String> interpret(String text, Path doc, Importer importer, Map<String, String> extVars,
                                                   Map<String, String> tlaVars) {
        Interpreter interpreter = new Interpreter(
                scala.collection.immutable.Map.from(CollectionConverters.asScala(extVars)),
                scala.collection.immutable.Map.from(CollectionConverters.asScala(tlaVars)),
                new OsPath(new os.Path(doc.getParent())),
                importer,
                new DefaultParseCache(),
                new Settings(Settings$.MODULE$.$lessinit$greater$default$1(), Settings$.MODULE$.$lessinit$greater$default$2(),
                        Settings$.MODULE$.$lessinit$greater$default$3(), Settings$.MODULE$.$lessinit$greater$default$4(),
                        Settings$.MODULE$.$lessinit$greater$default$5(), Settings$.MODULE$.$lessinit$greater$default$6()),
                Interpreter.$lessinit$greater$default$7(),
                Interpreter.$lessinit$greater$default$8(),
                Interpreter.$lessinit$greater$default$9()) {
            @Override
            public Evaluator createEvaluator(CachedResolver resolver, Function1<String, Option<Expr>> extVars,
                    sjsonnet.Path wd, Settings settings, Function1<sjsonnet.Error, BoxedUnit> warn) {
                return new StoppableEvaluator(resolver, extVars, wd, settings, warn);
            }
        };
        Either<String, ujson.Value> result = interpreter.interpret(text, new OsPath(new os.Path(doc)));
        return result.isLeft() ? scala.util.Left.apply(result.left().get())
                : scala.util.Right.apply(result.right().get().render(0, false));
    }

    /** A JSON string literal, which is also jsonnet code for that string. */
    public static String quoted(String value) {
        return JsonP.createValue(value).toString();
    }

    /** {@code evaluation}'s result, or a {@link JsonnetException} when it takes longer than {@code timeout}. */
    public static <T> T bounded(Supplier<T> evaluation, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!SLOTS.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new JsonnetException("was not evaluated: " + MAX_RUNNING + " earlier jsonnet evaluations are still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JsonnetException("was not evaluated: interrupted");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(evaluation.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                SLOTS.release();
            }
        }, "gatehouse-jsonnet");
        worker.setDaemon(true);
        try {
            worker.start();
        } catch (Throwable t) {
            SLOTS.release();
            throw t;
        }
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new JsonnetException("was stopped: evaluation took longer than " + words(timeout));
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new JsonnetException("was not evaluated: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** 5s, 1500ms, 2m: the way the configuration spells it. */
    public static String words(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    /**
     * Gives up at the next expression once its thread is interrupted (the evaluation timed out and nobody waits
     * for it any more), so an abandoned evaluation frees its thread instead of running to the end.
     */
    private static final class StoppableEvaluator extends Evaluator {

        StoppableEvaluator(CachedResolver resolver, Function1<String, Option<Expr>> extVars, sjsonnet.Path wd,
                Settings settings, Function1<sjsonnet.Error, BoxedUnit> warn) {
            super(resolver, extVars, wd, settings, warn);
        }

        @Override
        public Val visitExpr(Expr e, Lazy[] scope) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("jsonnet evaluation abandoned");
            }
            return super.visitExpr(e, scope);
        }
    }
}
