package dbworkbook.part4.exercises;

import dbworkbook.part4.StockReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wrong: the setting is put back after the report, but not when the report fails: exactly when the bound fired, the
 * connection goes back to the pool with it.
 * Expected failure: after reports that gave up on a sale that hangs, a connection back in the pool had statement_timeout
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement bound = connection.createStatement()) {
            bound.execute("SET statement_timeout = 500");
            try (PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
                statement.setLong(1, dealershipId);
                List<Long> cars = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cars.add(rows.getLong(1));
                    }
                }
                bound.execute("RESET statement_timeout");
                return cars;
            }
        }
    }
}
