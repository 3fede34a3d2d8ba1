package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

/**
 * EXERCISE 4.1: size a pool for a burst.
 *
 * <p>Twenty requests arrive at once. Each needs a connection for a slow query of 80 ms. The database is shared:
 * this application may open at most {@link #CONNECTION_LIMIT} connections to it. Configure the pool in
 * {@link #accept} so that the whole burst completes, no request fails with a timeout, and the pool never opens more
 * than {@link #CONNECTION_LIMIT} connections. (The URL and credentials are set already; the contract adds a metrics
 * registry.)
 *
 * <p>What is checked: the pool's settings (at most {@value #CONNECTION_LIMIT} connections, and a wait for a
 * connection that is bounded: at most 30 s, HikariCP's default, so that a request still fails, and does not hang,
 * when the database is really gone; 0 means "wait for ever" to HikariCP, and does not count); then the burst, with
 * the queries at 80 ms and again twice as slow, at 160 ms (so leave a margin): no request may time out, and at most
 * {@value #CONNECTION_LIMIT} server processes may serve them.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=4.1}
 */
public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        // TODO exercise 4.1: at most CONNECTION_LIMIT connections, and no request of the burst may time out.
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(250);
    }
}
