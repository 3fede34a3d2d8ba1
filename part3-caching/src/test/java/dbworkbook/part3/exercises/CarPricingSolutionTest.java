package dbworkbook.part3.exercises;

class CarPricingSolutionTest extends CarPricingContract {

    @Override
    String mapperXml() {
        return "dbworkbook/part3/solutions/CarPricingMapper.xml";
    }
}
