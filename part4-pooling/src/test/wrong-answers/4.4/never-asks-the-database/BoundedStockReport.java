package dbworkbook.part4.exercises;

import dbworkbook.part4.StockReport;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wrong: a report that never asks the database can never be stuck, and is never right either.
 * Expected failure: returned [], where the dealership's unsold cars are
 */
public final class BoundedStockReport implements StockReport {

    @Override
    public List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException {
        return List.of();
    }
}
