package dbworkbook.part2.exercises;

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
 * EXERCISE 2: make the statement counter count every statement.
 *
 * <p>This plugin counts and times the statements MyBatis runs, per statement id. It looks right, and for a simple
 * select it is. But load the dealerships with their cars (DealershipMapper.findAllWithCars, a nested select: one
 * statement plus one per dealership) and it reports ONE statement, and no findCarsByDealershipId at all, while the
 * database ran 1 + N. Fix it so that the tallies count each statement that reaches the database exactly once, with
 * its own time.
 *
 * <p>Hint: lesson 3. Which MyBatis object does a plugin on {@code Executor} never see for a nested select, and which
 * object executes every statement? The statement id is then not an argument any more: the lesson's
 * {@code StatementTimingInterceptor.mappedStatementOf} shows where to find it.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part2-logging -am verify}
 */
@Intercepts({
    // TODO exercise 2: intercept what really executes each statement.
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
