package dbworkbook.part2;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A MyBatis plugin that times every statement MyBatis sends to the database, per mapped statement id: the seed's
 * {@code time_query()} done for every query at once, with the numbers that matter (count, total, mean, max, 95th
 * percentile), and a WARN line for each statement slower than a threshold.
 *
 * <p><b>Why {@link StatementHandler} and not {@code Executor}:</b> the statement handler is where a
 * {@code PreparedStatement} is really executed, once per statement on the wire. A plugin on {@code Executor} sees
 * only the calls your code makes: the nested selects of a result map (chapter 1's N+1) run through an inner executor
 * that plugins never wrap, so they would be missing (mybatis-3 issue 432). Measured here, the time is the execution
 * and the reading of the rows by the driver ({@code query} includes turning rows into objects), not borrowing the
 * connection. A statement's time is its own: the nested selects that ran while its rows were read are taken out
 * of it (they are counted under their own id).
 *
 * <p>Configured in {@code mybatis-config.xml}:
 * <pre>{@code
 * <plugin interceptor="dbworkbook.part2.StatementTimingInterceptor">
 *   <property name="slowStatementThresholdMillis" value="200"/>
 * </plugin>
 * }</pre>
 */
@Intercepts({
    @Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}),
    @Signature(type = StatementHandler.class, method = "update", args = {Statement.class}),
    @Signature(type = StatementHandler.class, method = "batch", args = {Statement.class})
})
public final class StatementTimingInterceptor implements Interceptor {

    /** The plugin property that sets the slow-statement threshold. */
    public static final String SLOW_THRESHOLD_PROPERTY = "slowStatementThresholdMillis";

    private static final Logger LOG = LogManager.getLogger(StatementTimingInterceptor.class);

    /**
     * Per thread, one counter per statement in progress: the time its nested selects took. A nested select runs
     * while its parent's rows are being read, i.e. inside the parent's {@code query}; without this, the parent's
     * time would include all its children's, and the N+1 parent would look like the slowest statement of all.
     */
    private static final ThreadLocal<Deque<long[]>> NESTED_NANOS = ThreadLocal.withInitial(ArrayDeque::new);

    private final Map<String, StatementTimes> timesById = new ConcurrentHashMap<>();
    private volatile Duration slowThreshold = Duration.ofMillis(200);

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        StatementHandler handler = (StatementHandler) invocation.getTarget();
        MappedStatement statement = mappedStatementOf(handler);
        Deque<long[]> running = NESTED_NANOS.get();
        running.push(new long[1]);
        StatementEvent event = new StatementEvent();
        event.begin();
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            long elapsed = System.nanoTime() - start;
            event.end();
            long self = elapsed - running.pop()[0];
            if (!running.isEmpty()) {
                running.peek()[0] += elapsed; // the enclosing statement's time holds this one: it is taken out there
            }
            String sql = handler.getBoundSql().getSql();
            timesById.computeIfAbsent(statement.getId(), id -> new StatementTimes()).add(self, sql);
            if (event.shouldCommit()) {
                event.statementId = statement.getId();
                event.sql = sql;
                event.commit();
            }
            if (self >= slowThreshold.toNanos()) {
                LOG.warn("Slow statement {} took {} ms (threshold {} ms), parameters {}", statement.getId(),
                        String.format(Locale.ROOT, "%.3f", self / 1e6), slowThreshold.toMillis(),
                        parameterValues(statement.getConfiguration(), handler.getBoundSql()));
            }
        }
    }

    /**
     * The mapped statement behind a statement handler. MyBatis has no public getter for it: the handler MyBatis
     * creates is a {@code RoutingStatementHandler} whose private {@code delegate} (a {@code BaseStatementHandler})
     * holds it, and {@link SystemMetaObject} reads private fields the way MyBatis itself does. If other plugins wrap
     * statement handlers too, the target is a JDK proxy whose invocation handler (a {@link Plugin}) holds the real
     * target. (The {@code "h.target"} path found in many blog posts reads {@code Proxy.h} by reflection, which Java 17
     * refuses: {@code java.lang.reflect} is not open. {@link Proxy#getInvocationHandler} is the public way.)
     */
    public static MappedStatement mappedStatementOf(Object statementHandler) {
        Object target = statementHandler;
        while (Proxy.isProxyClass(target.getClass())) {
            target = SystemMetaObject.forObject(Proxy.getInvocationHandler(target)).getValue("target");
        }
        return (MappedStatement) SystemMetaObject.forObject(target).getValue("delegate.mappedStatement");
    }

    /**
     * The values bound to the statement's placeholders, in order: what MyBatis' own log prints as
     * {@code Parameters:}, found the way MyBatis' {@code DefaultParameterHandler} finds them.
     */
    static List<Object> parameterValues(Configuration configuration, BoundSql boundSql) {
        Object parameterObject = boundSql.getParameterObject();
        List<Object> values = new ArrayList<>();
        for (ParameterMapping mapping : boundSql.getParameterMappings()) {
            String property = mapping.getProperty();
            if (boundSql.hasAdditionalParameter(property)) { // e.g. a <foreach> item
                values.add(boundSql.getAdditionalParameter(property));
            } else if (parameterObject == null) {
                values.add(null);
            } else if (configuration.getTypeHandlerRegistry().hasTypeHandler(parameterObject.getClass())) {
                values.add(parameterObject); // a single simple parameter, e.g. findById(long)
            } else {
                values.add(configuration.newMetaObject(parameterObject).getValue(property));
            }
        }
        return values;
    }

    /** The plugin's properties from {@code mybatis-config.xml} (MyBatis calls this once, when it builds it). */
    @Override
    public void setProperties(Properties properties) {
        String threshold = properties.getProperty(SLOW_THRESHOLD_PROPERTY);
        if (threshold != null) {
            slowThreshold = Duration.ofMillis(Long.parseLong(threshold.trim()));
        }
    }

    public Duration slowThreshold() {
        return slowThreshold;
    }

    /** Every statement id run so far with its figures, the largest total time first: where the time went. */
    public List<StatementSummary> summaries() {
        List<StatementSummary> summaries = new ArrayList<>();
        timesById.forEach((id, times) -> summaries.add(times.summary(id)));
        summaries.sort(Comparator.comparingDouble(StatementSummary::totalMillis).reversed()
                .thenComparing(StatementSummary::statementId));
        return summaries;
    }

    /** The figures of one statement id; zero executions if it never ran. */
    public StatementSummary summary(String statementId) {
        StatementTimes times = timesById.get(statementId);
        return times == null ? StatementSummary.none(statementId) : times.summary(statementId);
    }

    /** The duration of every execution so far, of every statement id, in nanoseconds: their distribution. */
    public long[] allDurations() {
        return timesById.values().stream().flatMapToLong(times -> Arrays.stream(times.durations())).toArray();
    }

    public void reset() {
        timesById.clear();
    }

    /** The instance MyBatis built from {@code <plugins>} in the factory's configuration. */
    public static StatementTimingInterceptor of(SqlSessionFactory factory) {
        return factory.getConfiguration().getInterceptors().stream()
                .filter(StatementTimingInterceptor.class::isInstance)
                .map(StatementTimingInterceptor.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No StatementTimingInterceptor in <plugins> of this "
                        + "MyBatis configuration"));
    }
}
