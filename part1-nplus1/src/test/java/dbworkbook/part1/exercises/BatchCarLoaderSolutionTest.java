package dbworkbook.part1.exercises;

class BatchCarLoaderSolutionTest extends BatchCarLoaderContract {

    @Override
    CarsByDealershipLoader loader() {
        return new dbworkbook.part1.solutions.BatchCarLoader();
    }
}
