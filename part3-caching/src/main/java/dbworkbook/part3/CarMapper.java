package dbworkbook.part3;

import dbworkbook.common.domain.Car;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Cars: a static lookup, a dynamic search, an insert that returns the generated id. SQL in CarMapper.xml. */
public interface CarMapper {

    Car findById(long id);

    /** The same, but clears the session's local cache first: it always reads the database. */
    Car findByIdUncached(long id);

    /** Every argument may be null (or the list empty): then it does not restrict the search. */
    List<Car> search(@Param("make") String make, @Param("maxPrice") BigDecimal maxPrice,
                     @Param("dealershipIds") List<Long> dealershipIds);

    /** Inserts the car and sets its {@code id}. Returns the update count (not the id). */
    int insert(Car car);

    /** Inserts the car without reading its generated id back (see CarMapper.xml for why that matters). */
    int insertWithoutId(Car car);

    int updatePrice(@Param("id") long id, @Param("price") BigDecimal price);
}
