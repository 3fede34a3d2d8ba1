package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/** Wrong: a minute, longer than any caller waits. Expected failure: Keep it at most 30000 ms */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(60_000);
    }
}
