package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Exercise 1.5's mapper (its SQL is the file you edit: {@code src/main/resources/dbworkbook/part1/exercises/
 * NextCarPageMapper.xml}): the cars, cheapest first and cars of one price by id, one page at a time.
 */
public interface NextCarPageMapper {

    /** The first {@code limit} cars. */
    List<Car> findFirstPage(@Param("limit") int limit);

    /** The {@code limit} cars that come right after the car with this price and id, in the same order. */
    List<Car> findPageAfter(@Param("price") BigDecimal price, @Param("id") long id, @Param("limit") int limit);
}
