package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/**
 * Exercise 4.1, the reference solution. Five connections for twenty requests: the requests queue in the pool, in
 * four rounds of 80 ms, so the last ones wait about 240 ms (480 ms when the queries run twice as slow).
 * {@code connectionTimeout} must cover that wait with a margin; 10 s does, and still fails fast enough when the
 * database is really gone. A fixed pool (minimumIdle left at its default, the maximum) has the connections open
 * before the burst arrives.
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
