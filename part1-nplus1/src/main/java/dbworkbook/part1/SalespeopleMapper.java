package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import java.util.List;

/**
 * Exercise 1.1's mapper interface (given). Its SQL is in
 * {@code src/main/resources/dbworkbook/part1/exercises/SalespeopleMapper.xml}: that file is the exercise.
 */
public interface SalespeopleMapper {

    /** Every dealership, ordered by id, each with all its salespeople ordered by id. */
    List<Dealership> findAllWithSalespeople();
}
