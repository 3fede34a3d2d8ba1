package dbworkbook.part1.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 2, title = "write the batch loader",
        file = "src/main/java/dbworkbook/part1/exercises/BatchCarLoader.java")
class BatchCarLoaderExerciseTest extends BatchCarLoaderContract {

    @Override
    CarsByDealershipLoader loader() {
        return new BatchCarLoader();
    }
}
