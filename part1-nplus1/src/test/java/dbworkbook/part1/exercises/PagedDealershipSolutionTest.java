package dbworkbook.part1.exercises;

class PagedDealershipSolutionTest extends PagedDealershipContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part1/solutions/PagedDealershipMapper.xml";
    }
}
