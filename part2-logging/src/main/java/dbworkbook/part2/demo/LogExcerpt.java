package dbworkbook.part2.demo;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.CorrelationId;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Lessons 1 and 4: the DEBUG lines of one mapper call, each with the unit of work's correlation id. */
final class LogExcerpt implements Measurement<LogExcerpt.Result> {

    record Result(String statement, String correlationId, List<String> lines) {
    }

    @Override
    public String title() {
        return "The log of one call";
    }

    @Override
    public Result measure(DemoContext context) {
        SqlSessionFactory factory = Part2Demo.mybatis(context.database().pooledDataSource("part2-log", 1));
        PatternLayout layout = PatternLayout.newBuilder()
                .setPattern("%-5level [%X{" + CorrelationId.KEY + "}] %c{1} - %msg").build();
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.mapper");
             CorrelationId.Scope request = CorrelationId.begin("demo-1");
             SqlSession session = factory.openSession()) {
            session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Tesla", new BigDecimal("60000"),
                    new BigDecimal("60500"));
            return new Result("CarSearchMapper.findByMakeAndPriceRange", request.id(),
                    log.events().stream().map(layout::toSerializable).toList());
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Section.Builder section = Section.titled("The log at DEBUG for one call of " + result.statement()
                + " (logger: the statement's id; [the correlation id])");
        result.lines().forEach(section::line);
        return section.reading("Three lines per statement: the SQL MyBatis prepared, the parameters it bound, and the "
                + "rows it read. Each carries the unit of work's correlation id (" + result.correlationId()
                + "), so the lines of one request can be found among many.").build();
    }
}
