package dbworkbook.part4.exercises;

import dbworkbook.common.junit.Exercise;
import org.apache.ibatis.session.SqlSessionFactory;

@Exercise(number = 2, title = "find and fix the connection leak",
        file = "src/main/java/dbworkbook/part4/exercises/DealershipReport.java")
class DealershipReportExerciseTest extends DealershipReportContract {

    @Override
    DealershipDescriber report(SqlSessionFactory factory) {
        return new DealershipReport(factory);
    }
}
