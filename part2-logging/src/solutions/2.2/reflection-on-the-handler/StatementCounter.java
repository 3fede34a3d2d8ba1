package dbworkbook.part2.exercises;

import dbworkbook.part2.StatementTallies;
import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;

/**
 * Exercise 2.2, another correct answer: the mapped statement read with plain reflection (through the proxies of
 * other plugins first, when the handler is one), and the tallies kept in a map the plugin guards itself.
 */
@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class})
})
public final class StatementCounter implements StatementTallies {

    private final Map<String, Tally> tallies = new HashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        String id = mappedStatement(invocation.getTarget()).getId();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            synchronized (tallies) {
                Tally old = tallies.get(id);
                tallies.put(id, old == null ? new Tally(1, elapsed, elapsed) : old.plus(elapsed));
            }
        }
    }

    private static MappedStatement mappedStatement(Object handler) throws ReflectiveOperationException {
        Object routing = handler;
        while (Proxy.isProxyClass(routing.getClass())) {
            Object plugin = Proxy.getInvocationHandler(routing);
            var targetField = Plugin.class.getDeclaredField("target");
            targetField.setAccessible(true);
            routing = targetField.get(plugin);
        }
        var delegateField = RoutingStatementHandler.class.getDeclaredField("delegate");
        delegateField.setAccessible(true);
        Object delegate = delegateField.get(routing);
        var statementField = BaseStatementHandler.class.getDeclaredField("mappedStatement");
        statementField.setAccessible(true);
        return (MappedStatement) statementField.get(delegate);
    }

    @Override
    public Map<String, Tally> tallies() {
        synchronized (tallies) {
            return Map.copyOf(tallies);
        }
    }
}
