package dbworkbook.part1.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 1, title = "one statement for dealerships and their salespeople",
        file = "src/main/resources/dbworkbook/part1/exercises/SalespeopleMapper.xml")
class SalespeopleExerciseTest extends SalespeopleContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part1/exercises/SalespeopleMapper.xml";
    }
}
