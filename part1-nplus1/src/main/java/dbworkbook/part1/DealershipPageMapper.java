package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Lesson 6, a page of dealerships with their cars: see DealershipPageMapper.xml. */
public interface DealershipPageMapper {

    /** Wrong on purpose: LIMIT counts joined rows (cars), so the page's last dealership loses cars. */
    List<Dealership> findPageLimitingTheJoin(@Param("offset") int offset, @Param("limit") int limit);

    List<Dealership> findPageOfParentsFirst(@Param("offset") int offset, @Param("limit") int limit);
}
