package dbworkbook.part4;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * One reading of a pool's {@link HikariPoolMXBean}: connections borrowed (active), waiting in the pool (idle), both
 * (total), and the threads blocked in {@code getConnection()} for want of one (waiting). The same four numbers are in
 * HikariCP's own log lines and timeout messages.
 */
public record PoolState(int active, int idle, int total, int waiting) {

    public static PoolState of(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return new PoolState(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection());
    }

    @Override
    public String toString() {
        return "active=" + active + ", idle=" + idle + ", total=" + total + ", waiting=" + waiting;
    }
}
