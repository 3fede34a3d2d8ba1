package dbworkbook.part3;

import dbworkbook.common.domain.Car;

/** Given for exercise 3.2: the cached car catalog (CarCatalogMapper.xml). */
public interface CarCatalogMapper {

    Car findById(long id);
}
