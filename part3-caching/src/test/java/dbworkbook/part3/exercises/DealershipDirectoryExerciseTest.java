package dbworkbook.part3.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 1, title = "cache the dealership directory across sessions",
        file = "src/main/resources/dbworkbook/part3/exercises/DealershipDirectoryMapper.xml")
class DealershipDirectoryExerciseTest extends DealershipDirectoryContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part3/exercises/DealershipDirectoryMapper.xml";
    }
}
