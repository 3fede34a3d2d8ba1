package dbworkbook.common.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/** The smallest unit of work there is, one round trip ({@code SELECT 1}), and what it costs. */
public final class RoundTrips {

    private RoundTrips() {
    }

    /** The medians of a round trip directly and through a relay, measured interleaved. */
    public record Measured(double directMillis, double relayedMillis) {

        /** What the relay adds to each round trip. */
        public double addedMillis() {
            return relayedMillis - directMillis;
        }
    }

    /** Gets a connection, runs {@code SELECT 1}, gives the connection back. */
    public static void selectOne(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
        } catch (SQLException e) {
            throw new IllegalStateException("SELECT 1 failed: " + e.getMessage(), e);
        }
    }

    /** Times {@link #selectOne} on {@code direct} and on {@code relayed} (the same database through a relay). */
    public static Measured measure(DataSource direct, DataSource relayed, Duration minWarmup) {
        Map<String, Timing.Sample> samples = Timing.measureInterleaved(Map.of(
                "direct", () -> selectOne(direct),
                "relayed", () -> selectOne(relayed)), 100, minWarmup, 500);
        return new Measured(samples.get("direct").medianMillis(), samples.get("relayed").medianMillis());
    }
}
