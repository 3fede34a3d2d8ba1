package dbworkbook.part4.exercises;

import dbworkbook.part4.StockReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * EXERCISE 4.4: bound the stock report, so that a stuck one cannot drain the pool.
 *
 * <p>The report waits for any sale in progress on the dealership's cars ({@link StockReport#UNSOLD_CARS}, which reads
 * them {@code FOR SHARE}). A sale takes a moment, and that wait is right. But when a sale hangs before its commit, the
 * report waits for as long as the sale holds the cars, and keeps its connection all that time; a few users asking for
 * that report take every connection of the pool, and every other request of the service then fails (lesson 8). Bound
 * the report in {@link #unsoldCars}: it must give up on its own, with a clear error, and leave nothing behind. The
 * pool is shared with the rest of the service, whose requests are none of the report's business: some of them are
 * meant to run long.
 *
 * <p>What is checked, on data you cannot guess: the right cars for a dealership with unsold cars, one whose cars are all
 * sold, one without cars and an id no dealership has; a sale that holds a car for 200 ms: the report waits for it and
 * shows the car as sold; a sale that hangs, with as many reports of its dealership as the pool has connections: each
 * report fails after about 1 s of waiting (at most 2 s from its call, for a busy machine), with an
 * {@code SQLException} whose SQLSTATE says why, no server process is left waiting for the sale, and meanwhile another
 * request gets a connection from the pool.
 * After every call, no connection is kept, and none of the pool's connections, nor a new one, carries a setting the
 * report made.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part4-pooling -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=4.4}
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        // TODO exercise 4.4: give up after at most 1 s of waiting, with a clear error, and change nothing else.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
            statement.setLong(1, dealershipId);
            List<Long> cars = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    cars.add(rows.getLong(1));
                }
            }
            return cars;
        }
    }
}
