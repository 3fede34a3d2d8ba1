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
 * Exercise 4.4, another correct answer: a statement timeout for the session, in auto-commit, put back in a finally
 * block, so the connection goes back to the pool without it on every path, a timeout included.
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement settings = connection.createStatement()) {
            settings.execute("SET statement_timeout = 800");
            try (PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
                statement.setLong(1, dealershipId);
                List<Long> cars = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cars.add(rows.getLong(1));
                    }
                }
                return cars;
            } finally {
                settings.execute("RESET statement_timeout");
            }
        }
    }
}
