package dbworkbook.part2.exercises;

import dbworkbook.part2.StatementTallies;
import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.ResultHandler;

/**
 * Exercise 2.2, another correct answer: lock-free counters per statement id (a LongAdder for the count and the
 * total, a LongAccumulator for the maximum), turned into tallies only when asked, and the statement id found
 * without the lesson's helper.
 */
@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "batch", args = {Statement.class})
})
public final class StatementCounter implements StatementTallies {

    private record Counters(LongAdder count, LongAdder total, LongAccumulator max) {
        Counters() {
            this(new LongAdder(), new LongAdder(), new LongAccumulator(Math::max, 0));
        }
    }

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            Counters c = counters.computeIfAbsent(statementId(invocation.getTarget()), id -> new Counters());
            c.count().increment();
            c.total().add(elapsed);
            c.max().accumulate(elapsed);
        }
    }

    private static String statementId(Object handler) {
        Object target = handler;
        while (Proxy.isProxyClass(target.getClass())) { // another plugin wrapped the handler first
            target = SystemMetaObject.forObject(Proxy.getInvocationHandler(target)).getValue("target");
        }
        MetaObject routing = SystemMetaObject.forObject(target);
        return ((MappedStatement) routing.getValue("delegate.mappedStatement")).getId();
    }

    @Override
    public Map<String, Tally> tallies() {
        return counters.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new Tally(e.getValue().count().sum(), e.getValue().total().sum(), e.getValue().max().get())));
    }
}
