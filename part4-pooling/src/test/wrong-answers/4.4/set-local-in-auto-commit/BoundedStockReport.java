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
 * Wrong: SET LOCAL outside a transaction. In auto-commit every statement is a transaction of its own, so the setting
 * ends with the SET itself (the server only warns), and the report waits without a bound.
 * Expected failure: were still waiting after
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement bound = connection.createStatement()) {
            bound.execute("SET LOCAL statement_timeout = '500ms'");
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
}
