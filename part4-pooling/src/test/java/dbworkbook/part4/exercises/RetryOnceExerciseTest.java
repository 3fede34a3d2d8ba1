package dbworkbook.part4.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 3, title = "retry a read once when the connection was lost",
        file = "src/main/java/dbworkbook/part4/exercises/RetryOnce.java")
class RetryOnceExerciseTest extends RetryOnceContract {

    @Override
    Reader reader() {
        return (dataSource, work) -> RetryOnce.read(dataSource, work::run);
    }
}
