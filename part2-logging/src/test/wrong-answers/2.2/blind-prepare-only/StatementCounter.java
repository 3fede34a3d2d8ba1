package dbworkbook.part2.exercises;

// BLIND: Intercepts StatementHandler.prepare, which runs exactly once per statement sent (nested selects and updates included, never for a cache hit), so every count is right, but it times only the creation of the PreparedStatement, not its execution; a checker that compares counts only accepts it.
// Expected failure: is the plugin timing a call that only prepares the statement or

import dbworkbook.part2.StatementTallies;
import dbworkbook.part2.StatementTimingInterceptor;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

@Intercepts({
    @Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class})
})
public final class StatementCounter implements StatementTallies {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        String statementId = StatementTimingInterceptor.mappedStatementOf(invocation.getTarget()).getId();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            tallies.merge(statementId, new Tally(1, elapsed, elapsed), (old, one) -> old.plus(one.totalNanos()));
        }
    }

    @Override
    public Map<String, Tally> tallies() {
        return Map.copyOf(tallies);
    }
}
