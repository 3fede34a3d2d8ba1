package dbworkbook.part2.exercises;

import org.apache.ibatis.session.SqlSessionFactory;

class OneMapperLogConfigurationSolutionTest extends OneMapperLogConfigurationContract {

    OneMapperLogConfigurationSolutionTest(SqlSessionFactory factory) {
        super(factory);
    }

    @Override
    String configuration() {
        return "dbworkbook/part2/solutions/log4j2-one-mapper.xml";
    }
}
