package dbworkbook.part4.exercises;

// BLIND: Caps the pool at 5 and gives it a generous 60 s connectionTimeout "to be safe"; the burst completes at any speed, which a checker that only runs the burst accepts, but the wait exceeds the 30 s bound the exercise sets for a database that is really gone.
// Expected failure: ms: a request must still fail, and not hang, when the database

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(Duration.ofMinutes(1).toMillis());
    }
}
