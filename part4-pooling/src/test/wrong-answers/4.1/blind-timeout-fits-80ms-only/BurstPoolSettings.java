package dbworkbook.part4.exercises;

// BLIND: Caps the pool at 5 and raises connectionTimeout to 400 ms, measured as "4 rounds of 80 ms plus a bit"; at 80 ms the last of the 20 waits about 240-320 ms and it passes, but at 160 ms the fourth wave waits about 480 ms and times out (works only on a fast database), which a checker running one speed accepts.
// Expected failure: ms in the pool, and a slower day makes that longer

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;

public final class BurstPoolSettings implements Consumer<HikariConfig> {

    /** The most connections this application may open to the shared database. */
    public static final int CONNECTION_LIMIT = 5;

    @Override
    public void accept(HikariConfig config) {
        config.setMaximumPoolSize(CONNECTION_LIMIT);
        config.setConnectionTimeout(400);
    }
}
