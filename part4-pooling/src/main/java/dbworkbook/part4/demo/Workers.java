package dbworkbook.part4.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Threads that borrow a connection, do a unit of work on it and give it back, as fast as they can for a while: how
 * long each unit waited for its connection, and how long it held it. A borrow that times out (the pool's
 * {@code connectionTimeout}) is counted, and the worker asks again.
 */
final class Workers {

    /** The work done on a borrowed connection. */
    @FunctionalInterface
    interface UnitOfWork {
        void run(Connection connection) throws SQLException;
    }

    /** What the workers did in one measured window: the units done, and the borrows that timed out. */
    record Run(long[] waitNanos, long[] heldNanos, int timeouts, long elapsedNanos) {

        int units() {
            return waitNanos.length;
        }

        double unitsPerSecond() {
            return units() / (elapsedNanos / 1e9);
        }
    }

    private Workers() {
    }

    static Run run(DataSource dataSource, int workers, Duration duration, UnitOfWork unit) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            long[] window = new long[2];
            List<Future<long[][]>> results = new ArrayList<>();
            AtomicInteger timeouts = new AtomicInteger();
            for (int i = 0; i < workers; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    long deadline = window[1];
                    long[] waits = new long[1024];
                    long[] held = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        if (n == waits.length) {
                            waits = Arrays.copyOf(waits, n * 2);
                            held = Arrays.copyOf(held, n * 2);
                        }
                        long asked = System.nanoTime();
                        Connection connection;
                        try {
                            connection = dataSource.getConnection();
                        } catch (SQLTransientConnectionException e) {
                            timeouts.incrementAndGet();
                            continue;
                        }
                        try (connection) {
                            long got = System.nanoTime();
                            unit.run(connection);
                            held[n] = System.nanoTime() - got; // until the work is done; close() is not counted
                            waits[n] = got - asked;
                        }
                        n++;
                    }
                    return new long[][] {Arrays.copyOf(waits, n), Arrays.copyOf(held, n)};
                }));
            }
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            start.countDown(); // the latch publishes window[] to the workers
            List<long[]> waits = new ArrayList<>();
            List<long[]> held = new ArrayList<>();
            for (Future<long[][]> result : results) {
                long[][] r = result.get();
                waits.add(r[0]);
                held.add(r[1]);
            }
            return new Run(concat(waits), concat(held), timeouts.get(), System.nanoTime() - window[0]);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }
}
