package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/** Lesson 5, two collections in one JOIN, the cartesian product: see TwoCollectionsMapper.xml. */
public interface TwoCollectionsMapper {

    List<Dealership> findAllWithCarsAndSalespeopleInOneJoin();
}
