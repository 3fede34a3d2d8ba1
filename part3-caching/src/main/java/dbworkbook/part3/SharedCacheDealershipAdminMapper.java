package dbworkbook.part3;

import org.apache.ibatis.annotations.Param;

/** Writes dealerships through the lookup namespace's cache ({@code <cache-ref>}), so its writes flush it. */
public interface SharedCacheDealershipAdminMapper {

    int updateCity(@Param("id") long id, @Param("city") String city);
}
