package dbworkbook.part2.exercises;

class CarSearchIndexSolutionTest extends CarSearchIndexContract {

    @Override
    String script() {
        return "dbworkbook/part2/solutions/car-search-index.sql";
    }
}
