package dbworkbook.part2.exercises;

// BLIND: Wraps only statement handlers by overriding plugin(), intercepts StatementHandler query/update/batch, unwraps other plugins' proxies itself with Proxy.getInvocationHandler, and records each statement's own time (its nested selects taken out via a per-thread stack, as the header allows) in synchronized long[] tallies.

import dbworkbook.part2.StatementTallies;
import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.ResultHandler;

@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "batch", args = {Statement.class})
})
public final class StatementCounter implements StatementTallies {

    /** Per thread, the nested time of each statement in progress (innermost on top). */
    private static final ThreadLocal<Deque<long[]>> RUNNING = ThreadLocal.withInitial(ArrayDeque::new);

    /** Statement id to {count, total nanos, max nanos}; guarded by itself. */
    private final Map<String, long[]> figures = new HashMap<>();

    @Override
    public Object plugin(Object target) {
        return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        String statementId = idOf(invocation.getTarget());
        Deque<long[]> running = RUNNING.get();
        long[] nested = new long[1];
        running.push(nested);
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            running.pop();
            if (!running.isEmpty()) {
                running.peek()[0] += elapsed;
            }
            record(statementId, elapsed - nested[0]);
        }
    }

    private static String idOf(Object handler) {
        Object target = handler;
        while (Proxy.isProxyClass(target.getClass())) {
            target = SystemMetaObject.forObject(Proxy.getInvocationHandler(target)).getValue("target");
        }
        MetaObject meta = SystemMetaObject.forObject(target);
        return ((MappedStatement) meta.getValue("delegate.mappedStatement")).getId();
    }

    private void record(String statementId, long nanos) {
        synchronized (figures) {
            long[] f = figures.computeIfAbsent(statementId, id -> new long[3]);
            f[0]++;
            f[1] += nanos;
            f[2] = Math.max(f[2], nanos);
        }
    }

    @Override
    public Map<String, Tally> tallies() {
        Map<String, Tally> copy = new HashMap<>();
        synchronized (figures) {
            figures.forEach((id, f) -> copy.put(id, new Tally(f[0], f[1], f[2])));
        }
        return Map.copyOf(copy);
    }
}
