package dbworkbook.part2.exercises;

import org.apache.ibatis.session.SqlSessionFactory;

/** Another correct answer: the mapper's own appender, additivity off. */
class OneMapperLogConfigurationOwnAppenderSolutionTest extends OneMapperLogConfigurationContract {

    OneMapperLogConfigurationOwnAppenderSolutionTest(SqlSessionFactory factory) {
        super(factory);
    }

    @Override
    String configuration() {
        return "dbworkbook/part2/alternatives/log4j2-one-mapper.xml";
    }
}
