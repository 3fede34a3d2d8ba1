package dbworkbook.part2.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The server's time for each single execution, which {@code pg_stat_statements} does not keep (it sums them per
 * statement): after every statement the workload runs, this reads the view on a connection of its own and takes the
 * difference. Slow (one more query per statement), so the demo uses it on a run of its own, never on a timed one.
 */
final class ServerExecutionTimes implements QueryExecutionListener {

    /**
     * The current database's queries: not this class's own, nor the transaction control the driver and the pool
     * send around them (BEGIN, ROLLBACK), which the plugin does not see either.
     */
    private static final String SNAPSHOT = """
            SELECT queryid, calls, total_exec_time FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query ~* '^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\s'
              AND query NOT LIKE '%pg_stat_statements%'
            """;

    private record Entry(long calls, double totalMs) {
    }

    private final Connection statistics;
    private Map<Long, Entry> last;
    private final List<Double> executionsMs = new ArrayList<>();

    private ServerExecutionTimes(Connection statistics) throws SQLException {
        this.statistics = statistics;
        this.last = snapshot();
    }

    /** Reads the view on {@code statistics} (a connection to the same database as the workload's). */
    static ServerExecutionTimes readingOn(Connection statistics) throws SQLException {
        return new ServerExecutionTimes(statistics);
    }

    /** {@code workload} wrapped so that every statement run through it is timed here. */
    DataSource wrap(DataSource workload) {
        return ProxyDataSourceBuilder.create(workload).name("server-execution-times").listener(this).build();
    }

    /**
     * Every execution's server time, once the workload is done. The server counts a query when its portal is closed,
     * which for the last one of a session may be only at the end of the transaction: hence one last reading here.
     */
    List<Double> executionsMs() {
        takeTheDifference();
        return List.copyOf(executionsMs);
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        takeTheDifference();
    }

    private void takeTheDifference() {
        try {
            Map<Long, Entry> now = snapshot();
            now.forEach((queryId, entry) -> {
                Entry before = last.getOrDefault(queryId, new Entry(0, 0));
                long calls = entry.calls() - before.calls();
                for (long i = 0; i < calls; i++) {
                    executionsMs.add((entry.totalMs() - before.totalMs()) / calls);
                }
            });
            last = now;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements: " + e.getMessage(), e);
        }
    }

    private Map<Long, Entry> snapshot() throws SQLException {
        Map<Long, Entry> entries = new HashMap<>();
        try (PreparedStatement statement = statistics.prepareStatement(SNAPSHOT);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.put(rows.getLong(1), new Entry(rows.getLong(2), rows.getDouble(3)));
            }
        }
        return entries;
    }
}
