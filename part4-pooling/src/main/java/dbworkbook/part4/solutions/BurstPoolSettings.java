package dbworkbook.part4.solutions;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/**
 * Reference solution of exercise 1. Five connections for twenty requests: the requests queue in the pool, in four
 * rounds of 200 ms, so the last ones wait about 600 ms. {@code connectionTimeout} must cover that wait with a margin;
 * 10 s does, and still fails fast enough when the database is really gone. A fixed pool (minimumIdle left at its
 * default, the maximum) has the connections open before the burst arrives.
 */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(10_000);
    }
}
