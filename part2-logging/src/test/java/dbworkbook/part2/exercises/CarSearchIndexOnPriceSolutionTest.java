package dbworkbook.part2.exercises;

/** Another correct answer: an index on the price alone. */
class CarSearchIndexOnPriceSolutionTest extends CarSearchIndexContract {

    @Override
    String script() {
        return "dbworkbook/part2/alternatives/car-search-index.sql";
    }
}
