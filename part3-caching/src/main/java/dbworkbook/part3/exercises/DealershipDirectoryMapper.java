package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Dealership;

/** Exercise 1's mapper: its SQL (and its cache, once you add it) is in exercises/DealershipDirectoryMapper.xml. */
public interface DealershipDirectoryMapper {

    Dealership findById(long id);
}
