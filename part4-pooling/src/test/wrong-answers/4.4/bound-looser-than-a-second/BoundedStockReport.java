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
 * Wrong: a lock timeout for the transaction, as it should be, but of 2.5 s: the report may wait 1 s at most, and
 * longer holds a connection of the pool all that time.
 * Expected failure: It may wait 1 s at most
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement bound = connection.createStatement();
                 PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
                bound.executeQuery("SELECT set_config('lock_timeout', '2500ms', true)").close();
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
