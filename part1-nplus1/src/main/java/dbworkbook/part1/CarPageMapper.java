package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Lesson 11: deep pages of the cars, cheapest first (ties by id). {@code findPageByOffset} skips the rows before the
 * page, so the server reads them all; {@code findPageAfter} (keyset, or "seek") starts right after the last row of
 * the page before, so it reads about one page, however deep.
 */
public interface CarPageMapper {

    /** The page {@code offset} rows in: the server reads those rows and throws them away. */
    List<Car> findPageByOffset(@Param("offset") long offset, @Param("limit") int limit);

    /** The page after the car with this price and id, in the order (price, id). */
    List<Car> findPageAfter(@Param("price") BigDecimal price, @Param("id") long id, @Param("limit") int limit);
}
