package dev.sale4j.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one round of independent calls (the bids, or the jury's calls) in parallel on a bounded executor.
 *
 * <p>Each call gets its own timeout, counted from the moment it starts running, not from when it was queued, so a
 * busy executor delays calls but does not fail them. The calling thread helps: it runs any call the executor has not
 * started yet. So a round always makes progress, even when many auctions share a small executor or when an auction
 * is started from one of the executor's own threads: rounds cannot deadlock, and none starves. A call past its
 * timeout is cancelled and its thread interrupted.
 */
public final class ParallelCalls {

    private static final ScheduledExecutorService TIMER = timer();

    private final Executor executor;

    public ParallelCalls(Executor executor) {
        this.executor = executor;
    }

    /** Outcome of one call: a value, or the error, or a timeout; and how long it ran. */
    public record Outcome<T>(T value, Throwable error, boolean timedOut, Duration elapsed) {
        public boolean succeeded() {
            return error == null && !timedOut;
        }
    }

    /** Runs every call, waits for all of them, and returns their outcomes in the order of {@code calls}. */
    public <T> List<Outcome<T>> runAll(List<? extends Callable<T>> calls, Duration timeout) {
        return runAll(calls, timeout, null, Duration.ZERO);
    }

    /**
     * Like {@link #runAll(List, Duration)}, and starts {@code alongside} on the executor once the calls have had
     * {@code grace} to send their requests, or as soon as they have all finished if that is sooner. For background
     * work that needs a core for a few milliseconds (a memory's prefetch): started with the calls, it would take
     * that core from the requests being written, and the round would end that much later. Nobody waits for it.
     */
    public <T> List<Outcome<T>> runAll(List<? extends Callable<T>> calls, Duration timeout, Runnable alongside,
            Duration grace) {
        List<TimedCall<T>> tasks = new ArrayList<>(calls.size());
        for (Callable<T> call : calls) {
            TimedCall<T> task = TimedCall.of(call, timeout);
            tasks.add(task);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException rejected) {
                // the caller runs it below
            }
        }
        if (alongside != null) {
            startInBackground(() -> {
                if (awaitAll(tasks, grace.toNanos())) {
                    alongside.run();
                }
            });
        }
        for (int i = tasks.size() - 1; i >= 0; i--) {
            TimedCall<T> task = tasks.get(i);
            if (!task.isDone()) {
                task.run();
                if (task.timedOut) {
                    Thread.interrupted(); // our own timeout interrupted this thread; clear it
                }
            }
        }
        List<Outcome<T>> outcomes = new ArrayList<>(tasks.size());
        for (TimedCall<T> task : tasks) {
            outcomes.add(task.outcome());
        }
        return outcomes;
    }

    /**
     * Runs {@code work} on the executor in the background, if the executor takes it, and returns at once. For work
     * whose result is also reachable another way when it has not run (e.g. a memory's prefetch): nobody waits for it.
     */
    public void startInBackground(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException rejected) {
            // nobody waits for it: whoever needs its result computes it
        }
    }

    /**
     * Waits until every task is done or {@code nanos} have passed; false only when this thread was interrupted (the
     * executor is shutting down), with its interrupt status kept.
     */
    private static boolean awaitAll(List<? extends FutureTask<?>> tasks, long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (FutureTask<?> task : tasks) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                task.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return true;
            } catch (ExecutionException | CancellationException e) {
                // done, in failure: the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static final class TimedCall<T> extends FutureTask<T> {
        private final long timeoutNanos;
        private volatile long startNanos;
        private volatile long endNanos;
        private volatile boolean timedOut;
        private volatile ScheduledFuture<?> timer;

        private TimedCall(Callable<T> body, Duration timeout) {
            super(body);
            this.timeoutNanos = timeout.toNanos();
        }

        static <T> TimedCall<T> of(Callable<T> call, Duration timeout) {
            AtomicReference<TimedCall<T>> self = new AtomicReference<>();
            TimedCall<T> task = new TimedCall<>(
                    () -> {
                        self.get().start();
                        return call.call();
                    },
                    timeout);
            self.set(task);
            return task;
        }

        @Override
        protected void done() {
            endNanos = System.nanoTime();
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }

        void start() {
            startNanos = System.nanoTime();
            timer = TIMER.schedule(
                    () -> {
                        if (!isDone()) {
                            timedOut = true;
                            cancel(true);
                        }
                    },
                    timeoutNanos,
                    TimeUnit.NANOSECONDS);
        }

        Outcome<T> outcome() {
            T value = null;
            Throwable error = null;
            boolean interrupted = false;
            while (true) {
                try {
                    value = get();
                    break;
                } catch (CancellationException cancelled) {
                    break;
                } catch (ExecutionException failed) {
                    error = failed.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            long start = startNanos == 0 ? endNanos : startNanos;
            Duration elapsed = Duration.ofNanos(Math.max(0, endNanos - start));
            return new Outcome<>(value, error, timedOut, elapsed);
        }
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sale4j-call-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
