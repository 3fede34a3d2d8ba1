package dbworkbook.part1.exercises;

class SalespeopleSolutionTest extends SalespeopleContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part1/solutions/SalespeopleMapper.xml";
    }
}
