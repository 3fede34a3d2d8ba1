package dbworkbook.part2;

import java.util.Arrays;

/**
 * The durations of one statement id. Every duration is kept, so the percentile is exact: right for a workbook and a
 * test, where runs are short. A long-running service would keep a histogram instead (Micrometer's {@code Timer}
 * with {@code publishPercentiles}, or HdrHistogram), whose memory does not grow with the number of calls.
 */
final class StatementTimes {

    private long[] nanos = new long[16];
    private int count;
    private long totalNanos;
    private long maxNanos;
    private String sql;

    /** Records one execution of {@code sql} (the same text every time for static SQL). */
    synchronized void add(long elapsedNanos, String sql) {
        this.sql = sql;
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
        totalNanos += elapsedNanos;
        maxNanos = Math.max(maxNanos, elapsedNanos);
    }

    /** Every duration recorded, in nanoseconds, in the order of the executions. */
    synchronized long[] durations() {
        return Arrays.copyOf(nanos, count);
    }

    synchronized StatementSummary summary(String statementId) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        // Nearest rank: the smallest duration that at least 95% of the executions did not exceed.
        long p95 = sorted[(int) Math.ceil(0.95 * count) - 1];
        return new StatementSummary(statementId, sql, count, totalNanos / 1e6, totalNanos / 1e6 / count, maxNanos / 1e6,
                p95 / 1e6);
    }
}
