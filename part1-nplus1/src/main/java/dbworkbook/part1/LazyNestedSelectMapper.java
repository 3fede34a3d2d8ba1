package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/** Lesson 2, lazy nested select: see LazyNestedSelectMapper.xml. */
public interface LazyNestedSelectMapper {

    List<Dealership> findAll();
}
