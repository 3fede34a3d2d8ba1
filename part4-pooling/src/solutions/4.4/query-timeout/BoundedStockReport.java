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
 * Exercise 4.4, another correct answer: a JDBC query timeout on the report's statement, and on nothing else. When it
 * runs out, the driver sends the server a cancel request (SQLSTATE 57014, "due to user request"). JDBC counts in
 * whole seconds: one second is the most the report may wait.
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
            statement.setQueryTimeout(1);
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
