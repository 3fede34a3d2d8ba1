package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoOptions;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Chapter 2's demo: one workload, seen from the log, from the timing plugin and from the server, then one slow
 * statement explained before and after an index, then the N+1 and the JOIN as traces and as profiles. Each
 * measurement is a class of this package.
 *
 * <p>Run: {@code ./mvnw -Pdemo -pl part2-logging -am package}. Change it with e.g.
 * {@code -Ddemo.args="--dealerships 4000 --lookups 1000 --runs 9"}.
 */
public final class Part2Demo {

    static final String DEALERSHIPS = "--dealerships";
    static final String CARS = "--cars";
    static final String LOOKUPS = "--lookups";
    static final String SEARCHES = "--searches";

    static final Demo.Chapter CHAPTER = new Demo.Chapter("part2-logging", 2,
            "Seeing and timing every statement", options(), Part2Demo::load);

    private Part2Demo() {
    }

    public static void main(String[] args) {
        Demo.main(CHAPTER, args, measurements());
    }

    static List<Measurement<?>> measurements() {
        return List.of(new LogExcerpt(), new PluginAndServer(), new StatementTimeDistribution(),
                new ExplainBeforeAndAfter(), new StatementSpans(), new LoadProfiles());
    }

    static Scale scale(DemoOptions options) {
        return Scale.of(options.scaled(options.get(DEALERSHIPS)), options.get(CARS), 0);
    }

    /** MyBatis with the chapter's configuration (the timing plugin included) over {@code dataSource}. */
    static SqlSessionFactory mybatis(DataSource dataSource) {
        return MyBatisBootstrap.sqlSessionFactory(dataSource, "dbworkbook/part2/mybatis-config.xml");
    }

    private static String load(WorkbookDatabase database, DemoOptions options) {
        Scale scale = scale(options);
        long start = System.nanoTime();
        DataGenerator.populate(database.unpooledDataSource(), scale);
        return count(scale.dealerships()) + " dealerships, " + count(scale.cars()) + " cars, loaded in "
                + decimals((System.nanoTime() - start) / 1e6, 0) + " ms";
    }

    private static Map<String, Integer> options() {
        Map<String, Integer> options = new LinkedHashMap<>();
        options.put(DEALERSHIPS, 2000);
        options.put(CARS, 50);
        options.put(LOOKUPS, 500);
        options.put(SEARCHES, 50);
        return options;
    }
}
