package dbworkbook.part3.exercises;

import java.math.BigDecimal;
import org.apache.ibatis.annotations.Param;

/** Exercise 2's mapper: its SQL is in exercises/CarPricingMapper.xml. */
public interface CarPricingMapper {

    int updatePrice(@Param("id") long id, @Param("price") BigDecimal price);
}
