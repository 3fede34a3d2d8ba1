package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/** Lesson 3, one LEFT JOIN folded by a nested result map: see NestedResultMapMapper.xml. */
public interface NestedResultMapMapper {

    List<Dealership> findAllWithCars();
}
