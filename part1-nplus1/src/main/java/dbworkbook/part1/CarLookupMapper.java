package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Given for exercise 1.2 (its SQL is in CarLookupMapper.xml): two ways to ask for cars. Choose well. */
public interface CarLookupMapper {

    /** The cars of one dealership, ordered by id. */
    List<Car> findCarsByDealershipId(long dealershipId);

    /** The cars of all the given dealerships, ordered by dealership id, then car id. One statement. */
    List<Car> findCarsByDealershipIds(@Param("dealershipIds") Long[] dealershipIds);
}
