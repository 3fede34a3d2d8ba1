package dbworkbook.part4.exercises;

// BLIND: Caps the pool at 5 but raises idleTimeout (and keeps the original connectionTimeout of 250 ms) believing idleTimeout is how long a request waits; the settings look bounded and capped, which a checker of the maximum alone accepts, but with 20 requests on 5 connections the later ones time out after 250 ms.
// Expected failure: ms in the pool, and a slower day makes that longer

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(250);
        config.setIdleTimeout(30_000);
    }
}
