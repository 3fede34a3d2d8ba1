package dbworkbook.part2.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 3, title = "fix the slowest statement with an index",
        file = "src/main/resources/dbworkbook/part2/exercises/car-search-index.sql")
class CarSearchIndexExerciseTest extends CarSearchIndexContract {

    @Override
    String script() {
        return "dbworkbook/part2/exercises/car-search-index.sql";
    }
}
