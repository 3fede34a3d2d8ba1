package dbworkbook.part4.exercises;

// BLIND: Caps the pool at 5 and sets connectionTimeout to 0 so "no request can ever time out"; the burst completes on any machine, which a checker looking only at the burst accepts, but 0 means wait for ever to HikariCP, so a request hangs instead of failing when the database is gone.
// Expected failure: a request must still fail, and not hang, when the database is

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setMinimumIdle(CONNECTION_LIMIT);
        config.setConnectionTimeout(0);
    }
}
