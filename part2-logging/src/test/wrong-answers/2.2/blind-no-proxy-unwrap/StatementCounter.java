package dbworkbook.part2.exercises;

// BLIND: Intercepts StatementHandler query/update/batch and reads "delegate.mappedStatement" straight off the target without unwrapping a JDK proxy; alone it counts and times everything right, so a checker that installs only this plugin accepts it, but when another plugin (e.g. the chapter's StatementTimingInterceptor) also wraps statement handlers the target is a proxy and every statement fails.
// Expected failure: ReflectionException: There is no getter for property named

import dbworkbook.part2.StatementTallies;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.ResultHandler;

@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "batch", args = {Statement.class})
})
public final class StatementCounter implements StatementTallies {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) SystemMetaObject.forObject(invocation.getTarget())
                .getValue("delegate.mappedStatement");
        String statementId = statement.getId();
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
