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
 * Wrong: the bound fires, and the report hides it: an empty stock, as if the dealership had sold everything.
 * Expected failure: as if nothing were wrong
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
        } catch (SQLException e) {
            return List.of();
        }
    }
}
