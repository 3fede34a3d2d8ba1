package dbworkbook.part2.mapper;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/** Dealerships with their cars through a nested select: one statement, then one more per dealership (chapter 1). */
public interface DealershipMapper {

    List<Dealership> findAllWithCars();
}
