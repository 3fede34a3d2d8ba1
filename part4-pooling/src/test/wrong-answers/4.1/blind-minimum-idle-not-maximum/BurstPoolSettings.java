package dbworkbook.part4.exercises;

// BLIND: Confuses the seed's pool_size with HikariCP's minimumIdle: sets minimumIdle to 5 and a 30 s timeout but leaves maximumPoolSize at its default of 10 (the original 20 line removed); no request times out, which a checker that only looks at timeouts accepts, but the pool may open 10 connections, twice the limit.
// Expected failure: the pool may open up to that many connections, more than the

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMinimumIdle(CONNECTION_LIMIT);
        config.setConnectionTimeout(30_000);
    }
}
