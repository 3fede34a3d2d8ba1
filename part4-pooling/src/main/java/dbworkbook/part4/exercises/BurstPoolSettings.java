package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/**
 * EXERCISE 1: size a pool for a burst.
 *
 * <p>Twenty requests arrive at once. Each needs a connection for a slow query of 200 ms. The database is shared: this
 * application may open at most {@link #CONNECTION_LIMIT} connections to it. Configure the pool in {@link #accept} so
 * that the whole burst completes, no request fails with a timeout, and the pool never opens more than
 * {@link #CONNECTION_LIMIT} connections. (The URL and credentials are set already; the test adds a metrics registry.)
 *
 * <p>Hint: lessons 2 and 3. With fewer connections than requests, some requests wait in the pool. How long does the
 * last of them wait, and which setting decides how long a request may wait? Leave a good margin: the test must pass on
 * a slow machine too.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}
 */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        // TODO exercise 1: at most CONNECTION_LIMIT connections, and no request of the burst may time out.
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(250);
    }
}
