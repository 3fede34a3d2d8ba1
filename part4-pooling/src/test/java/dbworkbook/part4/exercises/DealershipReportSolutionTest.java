package dbworkbook.part4.exercises;

import org.apache.ibatis.session.SqlSessionFactory;

class DealershipReportSolutionTest extends DealershipReportContract {

    @Override
    DealershipDescriber report(SqlSessionFactory factory) {
        return new dbworkbook.part4.solutions.DealershipReport(factory);
    }
}
