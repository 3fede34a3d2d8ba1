package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/**
 * The seed's {@code list_all_dealership_cars}: every dealership with its cars, fully loaded when this returns.
 * Each lesson's strategy implements it, so tests and the demo can compare them on the same data.
 */
public interface DealershipRepository {

    /** A short name for tables: the loading strategy. */
    String strategy();

    List<Dealership> findAllWithCars();
}
