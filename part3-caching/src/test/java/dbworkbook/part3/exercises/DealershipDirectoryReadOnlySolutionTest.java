package dbworkbook.part3.exercises;

/** Another correct answer to exercise 1 passes the same contract: a read-only FIFO cache. */
class DealershipDirectoryReadOnlySolutionTest extends DealershipDirectoryContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part3/alternatives/ReadOnlyDealershipDirectoryMapper.xml";
    }
}
