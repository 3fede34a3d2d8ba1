package dbworkbook.part2.mapper;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Every dealership with its cars, three ways (chapter 1's), for the lessons that tell them apart in what they send:
 * a nested select (one statement, then one more per dealership: the N+1), one JOIN, and the cars of many
 * dealerships per statement ({@link dbworkbook.part2.DealershipsInBatches}).
 */
public interface DealershipMapper {

    /** The N+1: the dealerships, then one nested select per dealership for its cars. */
    List<Dealership> findAllWithCars();

    /** One LEFT JOIN, folded back into dealerships by a nested result map: one statement. */
    List<Dealership> findAllWithCarsJoined();

    /** The dealerships alone, without their cars. */
    List<Dealership> findAll();

    /** The cars of the given dealerships, in one statement whatever their number (one array parameter). */
    List<Car> findCarsByDealershipIds(@Param("dealershipIds") Long[] dealershipIds);
}
