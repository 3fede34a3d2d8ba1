package dbworkbook.part4;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/**
 * The seed's SQLAlchemy pool settings, {@code create_engine(url, pool_size=5, max_overflow=10, pool_timeout=30)},
 * carried over to HikariCP as closely as HikariCP allows.
 *
 * <p>SQLAlchemy keeps up to {@code pool_size} connections and opens up to {@code max_overflow} more under load, which
 * it closes as soon as they are returned. HikariCP has no overflow: it has one cap, {@code maximumPoolSize}, and a floor
 * of idle connections it keeps open, {@code minimumIdle}; connections above the floor are closed after
 * {@code idleTimeout} without use. So the nearest HikariCP pool is a cap of {@code pool_size + max_overflow} and a
 * floor of {@code pool_size}. HikariCP itself advises against that shape (lesson 2 in the README): a fixed pool,
 * {@code minimumIdle = maximumPoolSize}, is what it recommends.
 */
public record SeedPoolSettings(int poolSize, int maxOverflow, Duration poolTimeout) {

    /** The seed's values: {@code pool_size=5, max_overflow=10, pool_timeout=30}. */
    public static SeedPoolSettings ofTheSeed() {
        return new SeedPoolSettings(5, 10, Duration.ofSeconds(30));
    }

    /** Writes the HikariCP equivalent of these settings into {@code config}. */
    public void applyTo(HikariConfig config) {
        config.setMaximumPoolSize(poolSize + maxOverflow); // the most connections at once, overflow included
        config.setMinimumIdle(poolSize);                   // kept open while idle; the rest retire after idleTimeout
        config.setConnectionTimeout(poolTimeout.toMillis()); // how long getConnection() waits, then fails
    }
}
