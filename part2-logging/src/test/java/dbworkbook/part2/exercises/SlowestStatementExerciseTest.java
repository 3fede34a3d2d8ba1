package dbworkbook.part2.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 4, title = "find the slowest statement with pg_stat_statements",
        file = "src/main/resources/dbworkbook/part2/exercises/slowest-statement.sql")
class SlowestStatementExerciseTest extends SlowestStatementContract {

    @Override
    String query() {
        return "dbworkbook/part2/exercises/slowest-statement.sql";
    }
}
