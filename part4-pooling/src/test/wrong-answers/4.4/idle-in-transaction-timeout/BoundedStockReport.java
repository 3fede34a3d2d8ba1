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
 * Wrong: idle_in_transaction_session_timeout ends a session that sits in a transaction doing nothing, which is what
 * the sale that hangs does, in another application. The report is not idle: it waits inside a statement, and this
 * bound never fires for it. Expected failure: were still waiting after
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement bound = connection.createStatement();
                 PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS)) {
                bound.execute("SET LOCAL idle_in_transaction_session_timeout = '500ms'");
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
