package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/** Exercise 4.1, another correct answer: a pool that grows from one connection to five under the burst, with a
 * wait of 5 s. */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(5_000);
    }
}
