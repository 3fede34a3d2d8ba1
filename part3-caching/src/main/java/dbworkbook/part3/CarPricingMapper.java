package dbworkbook.part3;

import java.math.BigDecimal;
import org.apache.ibatis.annotations.Param;

/** Exercise 3.2's mapper interface (given): its SQL is in exercises/CarPricingMapper.xml, the file you edit. */
public interface CarPricingMapper {

    int updatePrice(@Param("id") long id, @Param("price") BigDecimal price);
}
