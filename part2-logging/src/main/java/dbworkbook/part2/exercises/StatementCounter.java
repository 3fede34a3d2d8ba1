package dbworkbook.part2.exercises;

import dbworkbook.part2.StatementTallies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * EXERCISE 2.2: make the statement counter count, and time, every statement.
 *
 * <p>This plugin counts and times the statements MyBatis runs, per statement id. It looks right, and for a simple
 * select it is. But load the dealerships with their cars (DealershipMapper.findAllWithCars, a nested select: one
 * statement plus one per dealership) and it reports ONE statement, and no findCarsByDealershipId at all, while the
 * database ran 1 + N. It also counts a lookup that the session answered from its cache, which sent nothing. Fix it.
 *
 * <p>What is checked, in sessions of the default (SIMPLE) executor, against what reached the database (counted at
 * the JDBC level):
 * <ul>
 *   <li>each statement id's count is the number of times that statement was executed: selects, nested selects and
 *       updates alike, and nothing for a lookup answered from the session's cache;</li>
 *   <li>each execution's time is measured around the execution of the statement (sending it, the server's work,
 *       reading its rows), in nanoseconds: the total is at least the time the driver spent executing, and the
 *       maximum is the longest single execution. For a nested select's parent, its time may include its children
 *       or not, as you like;</li>
 *   <li>the counts stay right when sessions on several threads use the plugin at once.</li>
 * </ul>
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part2-logging -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=2.2}
 */
@Intercepts({
    // TODO exercise 2.2: intercept what really executes each statement.
    @Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
                BoundSql.class})
})
public final class StatementCounter implements StatementTallies {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        String statementId = ((MappedStatement) invocation.getArgs()[0]).getId();
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
