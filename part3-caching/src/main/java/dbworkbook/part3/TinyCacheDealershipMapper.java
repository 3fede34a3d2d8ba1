package dbworkbook.part3;

import dbworkbook.common.domain.Dealership;
import org.apache.ibatis.annotations.CacheNamespace;
import org.apache.ibatis.annotations.Select;

/**
 * A dealership lookup whose second-level cache holds only {@value #CACHE_SIZE} results, to show LRU eviction
 * (the default eviction policy; {@code <cache size="2"/>} in XML).
 */
@CacheNamespace(size = TinyCacheDealershipMapper.CACHE_SIZE)
public interface TinyCacheDealershipMapper {

    int CACHE_SIZE = 2;

    @Select("SELECT id, name, city FROM dealership WHERE id = #{id}")
    Dealership findById(long id);
}
