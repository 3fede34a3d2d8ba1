package dbworkbook.part1;

import dbworkbook.common.domain.Salesperson;

/** Lesson 8: a dealership's salespeople, from the JSON array the server aggregated. */
public final class SalespeopleJsonTypeHandler extends JsonCollectionTypeHandler<Salesperson> {

    public SalespeopleJsonTypeHandler() {
        super(Salesperson.class);
    }
}
