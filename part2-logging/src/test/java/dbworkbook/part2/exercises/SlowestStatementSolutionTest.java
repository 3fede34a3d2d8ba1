package dbworkbook.part2.exercises;

class SlowestStatementSolutionTest extends SlowestStatementContract {

    @Override
    String query() {
        return "dbworkbook/part2/solutions/slowest-statement.sql";
    }
}
