package dbworkbook.part3;

import dbworkbook.common.domain.Dealership;
import org.apache.ibatis.annotations.Param;

/** Read-mostly dealership lookups, behind the namespace's second-level cache. SQL in DealershipLookupMapper.xml. */
public interface DealershipLookupMapper {

    Dealership findById(long id);

    int updateCity(@Param("id") long id, @Param("city") String city);
}
