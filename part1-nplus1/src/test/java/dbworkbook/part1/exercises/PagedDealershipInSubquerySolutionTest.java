package dbworkbook.part1.exercises;

/** Another correct answer to exercise 3 passes the same contract: see the mapper XML in the test resources. */
class PagedDealershipInSubquerySolutionTest extends PagedDealershipContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part1/alternatives/PagedDealershipMapper.xml";
    }
}
