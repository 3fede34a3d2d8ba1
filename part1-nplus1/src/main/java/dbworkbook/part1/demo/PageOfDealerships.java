package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part1.DealershipPageMapper;
import dbworkbook.part1.demo.Strategy.Connections;
import dbworkbook.part1.demo.Strategy.Loaded;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;

/** Lesson 6: a page of 10 dealerships with their cars, by LIMIT on the JOIN or by paging the dealerships first. */
final class PageOfDealerships implements Measurement<PageOfDealerships.Result> {

    static final int PAGE_SIZE = 10;

    record Page(String strategy, long dealerships, long cars, int statements) {
    }

    record Result(int pageSize, Page limitingTheJoin, Page parentsFirst) {
    }

    @Override
    public String title() {
        return "A page of " + PAGE_SIZE + " dealerships";
    }

    @Override
    public Result measure(DemoContext context) {
        StatementRecorder recorder = new StatementRecorder();
        Connections counted = Connections.over(recorder.record(context.database().pooledDataSource("part1-page", 1)));
        return new Result(PAGE_SIZE,
                page(counted, recorder, "LIMIT on the JOIN", mapper -> mapper.findPageLimitingTheJoin(0, PAGE_SIZE)),
                page(counted, recorder, "dealerships paged first",
                        mapper -> mapper.findPageOfParentsFirst(0, PAGE_SIZE)));
    }

    private static Page page(Connections connections, StatementRecorder recorder, String strategy,
                             Function<DealershipPageMapper, List<Dealership>> query) {
        recorder.reset();
        try (SqlSession session = connections.factory().openSession()) {
            Loaded loaded = Loaded.of(query.apply(session.getMapper(DealershipPageMapper.class)));
            return new Page(strategy, loaded.dealerships(), loaded.cars(), recorder.count());
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Page cut = result.limitingTheJoin();
        Page whole = result.parentsFirst();
        return Section.titled(title())
                .table(Table.of("", List.of(cut, whole))
                        .column("strategy", Page::strategy)
                        .column("dealerships returned", page -> count(page.dealerships()))
                        .column("cars returned", page -> count(page.cars()))
                        .column("statements", page -> count(page.statements()))
                        .build())
                .reading("LIMIT " + result.pageSize() + " on the JOIN counts joined rows, not dealerships: it returned "
                        + count(cut.dealerships()) + " of the page's " + count(whole.dealerships())
                        + " dealerships and " + count(cut.cars()) + " of its " + count(whole.cars()) + " cars.")
                .build();
    }
}
