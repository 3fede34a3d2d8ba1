package dbworkbook.part3.exercises;

import dbworkbook.common.junit.Exercise;

@Exercise(number = 2, title = "fix the stale prices across namespaces",
        file = "src/main/resources/dbworkbook/part3/exercises/CarPricingMapper.xml")
class CarPricingExerciseTest extends CarPricingContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part3/exercises/CarPricingMapper.xml";
    }
}
