package dbworkbook.part3;

import dbworkbook.common.domain.Dealership;

/** Exercise 3.1's mapper interface (given): its SQL (and its cache, once you add it) is in exercises/DealershipDirectoryMapper.xml. */
public interface DealershipDirectoryMapper {

    Dealership findById(long id);
}
