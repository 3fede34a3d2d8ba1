package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Exercise 3's mapper interface (given). Its SQL is in
 * {@code src/main/resources/dbworkbook/part1/exercises/PagedDealershipMapper.xml}: that file is the exercise.
 */
public interface PagedDealershipMapper {

    /** Dealerships number offset+1 .. offset+limit in id order, each with all its cars ordered by id. */
    List<Dealership> findPage(@Param("offset") int offset, @Param("limit") int limit);
}
