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
 * Exercise 4.4, another correct answer: a lock timeout, the bound on exactly what gets stuck here, the wait for the
 * sale's rows (SQLSTATE 55P03). set_config(..., true) is SET LOCAL written as a function: it ends with the transaction.
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement bound = connection.createStatement();
                 PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
                bound.executeQuery("SELECT set_config('lock_timeout', '700ms', true)").close();
                statement.setLong(1, dealershipId);
                List<Long> cars = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cars.add(rows.getLong(1));
                    }
                }
                connection.commit();
                return cars;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
