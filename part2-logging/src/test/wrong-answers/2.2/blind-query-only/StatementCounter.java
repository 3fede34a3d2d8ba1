package dbworkbook.part2.exercises;

// BLIND: Moves the plugin to StatementHandler.query (both selects and nested selects are now counted and timed around their execution) but forgets update and batch, so INSERT/UPDATE/DELETE statements are never counted; a checker whose workload is selects only accepts it.
// Expected failure: on the database, and your counter says

import dbworkbook.part2.StatementTallies;
import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.ResultHandler;

@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class})
})
public final class StatementCounter implements StatementTallies {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Object handler = invocation.getTarget();
        while (Proxy.isProxyClass(handler.getClass())) {
            handler = SystemMetaObject.forObject(Proxy.getInvocationHandler(handler)).getValue("target");
        }
        MetaObject meta = SystemMetaObject.forObject(handler);
        String statementId = ((MappedStatement) meta.getValue("delegate.mappedStatement")).getId();
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
