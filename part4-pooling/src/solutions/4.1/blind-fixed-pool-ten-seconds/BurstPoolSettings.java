package dbworkbook.part4.exercises;

// BLIND: A fixed pool (minimumIdle = maximumPoolSize = 5, as HikariCP recommends) with a named pool and a 10 s connectionTimeout, written with Duration: 20 requests of 160 ms on 5 connections need about 0.7 s, far inside the bound.

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    private static final Duration WAIT_FOR_A_CONNECTION = Duration.ofSeconds(10);

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setMinimumIdle(CONNECTION_LIMIT);
        config.setConnectionTimeout(WAIT_FOR_A_CONNECTION.toMillis());
        if (config.getPoolName() == null) {
            config.setPoolName("burst-pool");
        }
    }
}
