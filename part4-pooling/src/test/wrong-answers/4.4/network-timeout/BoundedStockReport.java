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
 * Wrong: a network (socket) timeout. The driver stops listening and breaks the connection, but the server was never
 * told: its process goes on waiting for the rows, holding a connection slot, and runs the statement when the sale
 * ends. Expected failure: still waiting for the sale's rows
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, 500);
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
