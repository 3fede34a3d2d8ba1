package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/** Exercise 4.1, another correct answer: fewer connections than allowed (four: five rounds, the last request
 * waits about 640 ms at 160 ms a query), and HikariCP's default wait of 30 s. */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(4);
    }
}
