package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;

/** Given for exercise 2: the cached car catalog (exercises/CarCatalogMapper.xml). */
public interface CarCatalogMapper {

    Car findById(long id);
}
