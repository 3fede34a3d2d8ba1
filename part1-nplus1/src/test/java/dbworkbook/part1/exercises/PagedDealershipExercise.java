package dbworkbook.part1.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.exercise.AnswerMyBatis;
import dbworkbook.common.exercise.Compare;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.exercise.Statements;
import dbworkbook.common.recorder.RecordedStatement;
import dbworkbook.part1.PagedDealershipMapper;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 1.3's contract: a page is whole dealerships, with all their cars, in one or two statements. */
@Exercise(id = "1.3", title = "fix the paginated listing",
        files = "src/main/resources/dbworkbook/part1/exercises/PagedDealershipMapper.xml",
        hint = "LIMIT and OFFSET count the rows of the query they are in, and a JOIN has one row per car. Lesson 6 "
                + "(DealershipPageMapper.xml) chooses the page's dealerships where there is one row per dealership, "
                + "and only then joins their cars. Count positions in id order, not ids: ids have gaps.")
class PagedDealershipExercise extends ExerciseContract<ExerciseData> {

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";
    static final String FILE = "PagedDealershipMapper.xml";
    /** (offset, limit) pairs: pages of 4 and of 7 from the first to past the last, and a page of one. */
    private static final int[][] PAGES = {{0, 4}, {4, 4}, {8, 4}, {0, 7}, {35, 7}, {40, 5}, {3, 1}};

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, ExerciseData.Shape.small());
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("each page is the right dealerships, whole", trial -> {
                    List<Dealership> all = trial.data().dealerships();
                    for (int[] page : PAGES) {
                        List<Dealership> expected = all.subList(Math.min(page[0], all.size()),
                                Math.min(page[0] + page[1], all.size()));
                        List<Dealership> loaded = findPage(trial, page[0], page[1]);
                        Compare.dealerships(expected, loaded, Compare.Collections.CARS).ifPresent(difference -> {
                            throw Expect.failure("findPage(%d, %d) is not the page it should be: %s.", page[0],
                                    page[1], difference);
                        });
                    }
                }),
                check("at most two statements per page, with the cars used", trial -> {
                    for (int[] page : PAGES) {
                        List<Dealership> loaded = findPage(trial, page[0], page[1]);
                        loaded.forEach(d -> d.getCars().forEach(Car::getPrice));
                        List<RecordedStatement> statements = trial.recorder().statements();
                        Expect.that(statements.size() <= 2, "findPage(%d, %d) and using its cars ran %d "
                                + "statements, where the exercise allows two at most: no statement per "
                                + "dealership.%s", page[0], page[1], statements.size(), Statements.listing(statements));
                    }
                }));
    }

    private static List<Dealership> findPage(Trial<ExerciseData> trial, int offset, int limit) {
        SqlSessionFactory factory = trial.ofThisAnswer(SqlSessionFactory.class,
                () -> AnswerMyBatis.sqlSessionFactory(trial.dataSource(), CONFIG, trial.answer().file(FILE)));
        trial.recorder().reset();
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(PagedDealershipMapper.class).findPage(offset, limit);
        }
    }
}
