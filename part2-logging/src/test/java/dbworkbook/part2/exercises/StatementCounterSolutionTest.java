package dbworkbook.part2.exercises;

class StatementCounterSolutionTest extends StatementCounterContract {

    @Override
    StatementTallies newCounter() {
        return new dbworkbook.part2.solutions.StatementCounter();
    }
}
