package dbworkbook.common.recorder;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Records every statement that goes through a {@link DataSource}, at the JDBC level.
 *
 * <p>Why JDBC and not a MyBatis plugin: an {@code Executor} plugin does not see the queries of nested selects (they
 * run on the unwrapped executor, mybatis-3 issue 432), so it would undercount exactly the N+1 statements this
 * workbook is about. At the JDBC level nothing escapes: MyBatis, hand-written JDBC and the pool all go through it.
 *
 * <p>The proxy comes from datasource-proxy. Rows are counted by watching {@code ResultSet.next()}.
 */
public final class StatementRecorder {

    private final Queue<RecordedStatement> statements = new ConcurrentLinkedQueue<>();
    /** The last record of each live JDBC statement, so rows read from its result set are counted on it. */
    private final Map<Statement, RecordedStatement> lastExecutionOf = Collections.synchronizedMap(new WeakHashMap<>());
    private final ThreadLocal<Long> executeStart = new ThreadLocal<>();
    /** The elements each SQL array bound as a parameter was created from. */
    private final Map<java.sql.Array, List<Object>> arrayElements = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@code target} wrapped so that every statement run through it is recorded here. */
    public DataSource record(DataSource target) {
        return ProxyDataSourceBuilder.create(target)
                .name("workbook-statement-recorder")
                .listener(new ExecutionListener())
                .methodListener(new RowCounter())
                .proxyResultSet()
                .build();
    }

    /** Everything recorded since the last {@link #reset()}, from all threads, in order of completion. */
    public List<RecordedStatement> statements() {
        return List.copyOf(statements);
    }

    /** What the calling thread ran since the last {@link #reset()}. */
    public List<RecordedStatement> statementsOfCurrentThread() {
        String thread = Thread.currentThread().getName();
        return statements.stream().filter(s -> s.thread().equals(thread)).toList();
    }

    public int count() {
        return statements.size();
    }

    public long rowsRead() {
        return statements.stream().mapToLong(RecordedStatement::rowsRead).sum();
    }

    /** Forget everything recorded so far: call it after set-up, before the part a test measures. */
    public void reset() {
        statements.clear();
    }

    private final class ExecutionListener implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            executeStart.set(System.nanoTime());
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            Long start = executeStart.get();
            long nanos = start == null ? 0 : System.nanoTime() - start;
            String thread = Thread.currentThread().getName();
            RecordedStatement last = null;
            for (QueryInfo query : queryInfoList) {
                last = new RecordedStatement(query.getQuery(), parametersOf(query), nanos, thread,
                        execInfo.isBatch() ? execInfo.getBatchSize() : 0);
                statements.add(last);
            }
            if (last != null && execInfo.getStatement() != null) {
                lastExecutionOf.put(unwrap(execInfo.getStatement()), last);
            }
        }

        private List<List<Object>> parametersOf(QueryInfo query) {
            List<List<Object>> all = new ArrayList<>();
            for (List<ParameterSetOperation> operations : query.getParametersList()) {
                List<ParameterSetOperation> sorted = new ArrayList<>(operations);
                sorted.sort(Comparator.comparing(op -> String.valueOf(op.getArgs()[0]),
                        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
                List<Object> values = new ArrayList<>();
                for (ParameterSetOperation operation : sorted) {
                    values.add(ParameterSetOperation.isSetNullParameterOperation(operation)
                            ? null : readable(operation.getArgs()[1]));
                }
                all.add(Collections.unmodifiableList(values));
            }
            return all;
        }
    }

    /**
     * An SQL array parameter (the ids of {@code = ANY(?)}) as the list of the elements it was created from
     * ({@code Connection.createArrayOf}, seen by {@link RowCounter}): the driver's array object does not print them,
     * and a list says what was asked for.
     */
    private Object readable(Object value) {
        if (value instanceof java.sql.Array array) {
            List<Object> elements = arrayElements.get(array);
            return elements == null ? value : elements;
        }
        return value;
    }

    private final class RowCounter implements MethodExecutionListener {

        @Override
        public void beforeMethod(MethodExecutionContext context) {
        }

        @Override
        public void afterMethod(MethodExecutionContext context) {
            Method method = context.getMethod();
            if (method.getName().equals("createArrayOf") && context.getResult() instanceof java.sql.Array array
                    && context.getMethodArgs().length == 2 && context.getMethodArgs()[1] instanceof Object[] elements) {
                arrayElements.put(array, Arrays.asList(elements.clone()));
                return;
            }
            if (context.getTarget() instanceof ResultSet rs && method.getName().equals("next")
                    && Boolean.TRUE.equals(context.getResult())) {
                try {
                    Statement statement = rs.getStatement();
                    RecordedStatement record = statement == null ? null : lastExecutionOf.get(unwrap(statement));
                    if (record != null) {
                        record.countRow();
                    }
                } catch (SQLException e) {
                    // A result set that cannot name its statement (e.g. from DatabaseMetaData): nothing to count.
                }
            }
        }
    }

    private static Statement unwrap(Statement statement) {
        return statement instanceof ProxyJdbcObject proxy ? (Statement) proxy.getTarget() : statement;
    }
}
