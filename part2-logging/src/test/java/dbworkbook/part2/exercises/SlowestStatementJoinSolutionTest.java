package dbworkbook.part2.exercises;

/** Another correct answer: a join on pg_database and a window function. */
class SlowestStatementJoinSolutionTest extends SlowestStatementContract {

    @Override
    String query() {
        return "dbworkbook/part2/alternatives/slowest-statement.sql";
    }
}
