package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/** Wrong: no timeout can fire if a request waits for ever. Expected failure: 0 means: wait for ever */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(0);
    }
}
