package dbworkbook.part3.exercises;

class DealershipDirectorySolutionTest extends DealershipDirectoryContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part3/solutions/DealershipDirectoryMapper.xml";
    }
}
