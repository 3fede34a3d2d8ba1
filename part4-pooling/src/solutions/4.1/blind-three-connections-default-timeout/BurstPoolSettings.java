package dbworkbook.part4.exercises;

// BLIND: Stays below the limit on purpose, 3 connections (leaving 2 of the budget for others), and takes HikariCP's own default wait (30 s, read from a fresh HikariConfig rather than written out): 20 requests of 160 ms on 3 connections need about 1.1 s.

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(Math.min(3, CONNECTION_LIMIT));
        config.setConnectionTimeout(new HikariConfig().getConnectionTimeout());
    }
}
