package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Lesson 4, batch select-in loading: see SelectInBatchMapper.xml and SelectInBatchDealershipRepository. */
public interface SelectInBatchMapper {

    List<Dealership> findAll();

    List<Car> findCarsByDealershipIds(@Param("dealershipIds") Long[] dealershipIds);

    List<Salesperson> findSalespeopleByDealershipIds(@Param("dealershipIds") Long[] dealershipIds);
}
