package dbworkbook.part2.exercises;

import dbworkbook.common.junit.Exercise;
import org.apache.ibatis.session.SqlSessionFactory;

@Exercise(number = 1, title = "log exactly one mapper",
        file = "src/main/resources/dbworkbook/part2/exercises/log4j2-one-mapper.xml")
class OneMapperLogConfigurationExerciseTest extends OneMapperLogConfigurationContract {

    OneMapperLogConfigurationExerciseTest(SqlSessionFactory factory) {
        super(factory);
    }

    @Override
    String configuration() {
        return "dbworkbook/part2/exercises/log4j2-one-mapper.xml";
    }
}
