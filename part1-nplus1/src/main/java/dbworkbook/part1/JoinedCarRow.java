package dbworkbook.part1;

import java.math.BigDecimal;

/**
 * Lesson 12: one row of the chapter's JOIN as it comes, flat: the dealership's columns and one car's (all null for
 * a dealership without cars). MyBatis makes each with one constructor call ({@code <constructor>} in
 * MappingCostMapper.xml); {@link FoldedRowsDealershipRepository} folds them into dealerships.
 */
public record JoinedCarRow(Long dealershipId, String dealershipName, String city, Long carId, String make,
                           String model, Integer year, BigDecimal price, Boolean sold) {
}
