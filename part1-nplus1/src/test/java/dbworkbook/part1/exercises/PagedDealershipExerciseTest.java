package dbworkbook.part1.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 3, title = "fix the paginated listing",
        file = "src/main/resources/dbworkbook/part1/exercises/PagedDealershipMapper.xml")
class PagedDealershipExerciseTest extends PagedDealershipContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part1/exercises/PagedDealershipMapper.xml";
    }
}
