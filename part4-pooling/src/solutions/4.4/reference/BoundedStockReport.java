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
 * Exercise 4.4, the reference solution: a statement timeout for the report's own transaction. {@code SET LOCAL} lasts
 * until that transaction ends, commit or rollback, so the connection goes back to the pool as it came: the other
 * requests on it keep whatever bound they had. The server ends the wait itself (SQLSTATE 57014), and the connection
 * stays usable.
 */
public final class BoundedStockReport implements StockReport {

    /** Above a sale that takes a moment, well below the second the report may wait. */
    private static final String BOUND = "SET LOCAL statement_timeout = '500ms'";

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // SET LOCAL needs a transaction: outside one it does nothing
            try {
                List<Long> cars = unsoldCars(connection, dealershipId);
                connection.commit();
                return cars;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static List<Long> unsoldCars(Connection connection, long dealershipId) throws SQLException {
        try (Statement bound = connection.createStatement()) {
            bound.execute(BOUND);
        }
        try (PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
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
