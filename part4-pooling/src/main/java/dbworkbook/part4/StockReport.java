package dbworkbook.part4;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** What exercise 4.4 asks for (given): a dealership's stock, the cars it has not sold yet. */
public interface StockReport {

    /**
     * The report's statement. {@code FOR SHARE} makes it wait for a sale in progress on one of these cars: once that
     * sale has committed or rolled back, the report shows its outcome (sold, or still in stock), never the car as it
     * was before the sale. A plain read would not wait, and would count a car that is being sold.
     */
    String UNSOLD_CARS = "SELECT id FROM car WHERE dealership_id = ? AND NOT is_sold ORDER BY id FOR SHARE";

    /** The ids of the dealership's unsold cars, in id order (empty for a dealership without any, or none at all). */
    List<Long> unsoldCars(DataSource dataSource, long dealershipId) throws SQLException;
}
