package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Exercise 1.3's mapper interface (given). Its SQL is in
 * {@code src/main/resources/dbworkbook/part1/exercises/PagedDealershipMapper.xml}: that file is the exercise.
 */
public interface PagedDealershipMapper {

    /**
     * A page of dealerships: of all dealerships in id order, skip the first {@code offset} and return the next
     * {@code limit} (fewer at the end, none past it), each with all its cars ordered by car id.
     */
    List<Dealership> findPage(@Param("offset") int offset, @Param("limit") int limit);
}
