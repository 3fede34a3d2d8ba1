package dbworkbook.part4.exercises;

// BLIND: Carries the seed's pool_timeout=30 over literally: maximumPoolSize 5 and setConnectionTimeout(30), meant as 30 seconds; it compiles and reads like the default, which a checker reading the source would accept, but HikariCP takes milliseconds and its setter rejects anything below 250 ms with an IllegalArgumentException.
// Expected failure: the answer threw IllegalArgumentException at BurstPoolSettings.java

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(30); // the seed's pool_timeout=30
    }
}
