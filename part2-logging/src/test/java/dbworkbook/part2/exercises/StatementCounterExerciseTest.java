package dbworkbook.part2.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 2, title = "count every statement, nested selects included",
        file = "src/main/java/dbworkbook/part2/exercises/StatementCounter.java")
class StatementCounterExerciseTest extends StatementCounterContract {

    @Override
    StatementTallies newCounter() {
        return new StatementCounter();
    }
}
