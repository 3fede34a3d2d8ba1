package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import java.util.List;

/** Lesson 1, eager nested select: see NestedSelectMapper.xml. */
public interface NestedSelectMapper {

    List<Dealership> findAll();

    List<Car> findCarsByDealershipId(long dealershipId);
}
