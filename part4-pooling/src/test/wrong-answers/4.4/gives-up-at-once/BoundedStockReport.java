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
 * Wrong: NOWAIT gives up at once on a locked row: the report fails whenever any sale is in progress, also one that
 * would have ended a moment later. Expected failure: the report gave up at once
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UNSOLD_CARS + " NOWAIT")) {
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
