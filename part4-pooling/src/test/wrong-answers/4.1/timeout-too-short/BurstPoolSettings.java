package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/** Wrong: the right size, and a wait too short for the queue. Expected failure: timed out after waiting 250 ms */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(250);
    }
}
