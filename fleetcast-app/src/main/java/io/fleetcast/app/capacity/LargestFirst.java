package io.fleetcast.app.capacity;

import io.fleetcast.core.error.FleetcastException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * Runs independent tasks of very different sizes on every core, the largest first (longest-processing-time
 * scheduling). A parallel stream splits a range into a few fixed chunks, one per core and then some; with a few
 * clusters many times larger than the rest, one core could be left with a chunk of them while the others idle.
 */
final class LargestFirst {
    private LargestFirst() {}

    /**
     * Runs {@code task} for every index below {@code count}, each task on its own, in descending order of {@code
     * cost}, and returns when all have. A task's runtime exception is rethrown as it is, after the others finish.
     */
    static void run(int count, IntToLongFunction cost, IntConsumer task) {
        List<Integer> order = IntStream.range(0, count)
                .boxed()
                .sorted(Comparator.comparingLong((Integer index) -> cost.applyAsLong(index))
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : order) {
                futures.add(pool.submit(() -> task.accept(index)));
            }
            RuntimeException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException runtime
                                ? runtime
                                : FleetcastException.internal("a task failed", e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw FleetcastException.internal("interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
