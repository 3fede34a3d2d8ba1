package dbworkbook.part2.exercises;

// BLIND: Intercepts StatementHandler query, queryCursor, update and batch (what executes each statement on the wire), finds the id with the lesson's proxy-safe StatementTimingInterceptor.mappedStatementOf, and keeps per id a LongAdder count, a LongAdder total and an AtomicLong max (lock-free, thread-safe), times in System.nanoTime().

import dbworkbook.part2.StatementTallies;
import dbworkbook.part2.StatementTimingInterceptor;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;

@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "queryCursor", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "batch", args = {Statement.class})
})
public final class StatementCounter implements StatementTallies {

    /** One statement id's running figures; each field is safe to update from many threads at once. */
    private static final class Figures {
        final LongAdder count = new LongAdder();
        final LongAdder totalNanos = new LongAdder();
        final AtomicLong maxNanos = new AtomicLong();

        void add(long nanos) {
            count.increment();
            totalNanos.add(nanos);
            maxNanos.accumulateAndGet(nanos, Math::max);
        }

        Tally snapshot() {
            return new Tally(count.sum(), totalNanos.sum(), maxNanos.get());
        }
    }

    private final ConcurrentHashMap<String, Figures> figures = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        String statementId = StatementTimingInterceptor.mappedStatementOf(invocation.getTarget()).getId();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            figures.computeIfAbsent(statementId, id -> new Figures()).add(elapsed);
        }
    }

    @Override
    public Map<String, Tally> tallies() {
        return figures.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().snapshot()));
    }
}
