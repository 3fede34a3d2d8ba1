package dbworkbook.part2.exercises;

import dbworkbook.part2.StatementTimingInterceptor;
import dbworkbook.part2.StatementTallies;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;

/** Wrong: keeps the last execution's time as the maximum. Expected failure: the maximum is the longest single execution */
@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "batch", args = {Statement.class})
})
public final class StatementCounter implements StatementTallies {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        // The id is not an argument here: it sits inside the handler (see the lesson's interceptor).
        String statementId = StatementTimingInterceptor.mappedStatementOf(invocation.getTarget()).getId();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            tallies.merge(statementId, new Tally(1, elapsed, elapsed),
                    (old, one) -> new Tally(old.count() + 1, old.totalNanos() + elapsed, elapsed));
        }
    }

    @Override
    public Map<String, Tally> tallies() {
        return Map.copyOf(tallies);
    }
}
