package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/** Lesson 8: one row per dealership, its collections aggregated to JSON by the server. */
public interface JsonAggregationMapper {

    List<Dealership> findAllWithCars();

    List<Dealership> findAllWithCarsAndSalespeople();
}
