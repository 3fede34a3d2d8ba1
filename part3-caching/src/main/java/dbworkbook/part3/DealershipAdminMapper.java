package dbworkbook.part3;

import dbworkbook.common.domain.Dealership;
import org.apache.ibatis.annotations.Param;

/** Writes dealerships from another namespace, one without a cache. SQL in DealershipAdminMapper.xml. */
public interface DealershipAdminMapper {

    int updateCity(@Param("id") long id, @Param("city") String city);

    /** An uncached lookup, for comparison with {@link DealershipLookupMapper#findById}. */
    Dealership findById(long id);
}
