package dev.riskplatform.batch.input;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Independent S3 round trips of one step (a symbol's day pointers, the partitions of its stored days) run
 * {@link #PARALLEL} at a time: on S3 a request's latency, not bandwidth, bounds a sequence of small objects.
 * A task may itself read through {@link PartitionReader}, whose pool is separate, so a task never waits on
 * its own pool.
 */
@ApplicationScoped
public class StorageTasks {

    static final int PARALLEL = 16;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(r, "storage-task");
        t.setDaemon(true);
        return t;
    });

    /** Runs every task; answers their results in task order, or throws the first failure. */
    public <T> List<T> all(List<Supplier<T>> tasks) {
        return all(pool, tasks);
    }

    /** Runs every task on {@code pool}; answers their results in task order, or throws the first failure. */
    static <T> List<T> all(ExecutorService pool, List<Supplier<T>> tasks) {
        List<Future<T>> futures = tasks.stream().map(task -> pool.submit(task::get)).toList();
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) results.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        return results;
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
