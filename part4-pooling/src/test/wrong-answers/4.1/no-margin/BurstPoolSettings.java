package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/** Wrong: a wait that just covers the planned queue, and not a slower day. Expected failure: with queries of 160 ms */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(400);
    }
}
