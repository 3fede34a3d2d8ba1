package dbworkbook.part2.mapper;

import dbworkbook.common.domain.Car;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The seed's queries on cars: one by id, and a search by make and price range. Its statements log under the logger
 * {@code dbworkbook.part2.mapper.CarSearchMapper} and, one by one, {@code dbworkbook.part2.mapper.CarSearchMapper.<id>}.
 */
public interface CarSearchMapper {

    Car findById(long id);

    /** Cars of one make within a price range, cheapest first. No index serves it until lesson 6 adds one. */
    List<Car> findByMakeAndPriceRange(@Param("make") String make, @Param("minPrice") BigDecimal minPrice,
                                      @Param("maxPrice") BigDecimal maxPrice);

    /** The same search by make, written with {@code ${}}: the value is pasted into the SQL text. Lesson 2 only. */
    List<Car> findByMakePasted(@Param("make") String make);
}
