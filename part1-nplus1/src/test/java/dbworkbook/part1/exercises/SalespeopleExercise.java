package dbworkbook.part1.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import dbworkbook.common.exercise.AnswerMyBatis;
import dbworkbook.common.exercise.Compare;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.exercise.Statements;
import dbworkbook.common.recorder.RecordedStatement;
import dbworkbook.part1.SalespeopleMapper;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 1.1's contract: every dealership with its salespeople, in one statement. */
@Exercise(id = "1.1", title = "one statement for dealerships and their salespeople",
        files = "src/main/resources/dbworkbook/part1/exercises/SalespeopleMapper.xml",
        hint = "Lesson 3 loads the dealerships with their cars in one statement: a LEFT JOIN whose rows a nested "
                + "result map folds back into objects (a collection with resultMap=, where N+1 has select=). "
                + "CarColumns.xml already maps a salesperson; columnPrefix lets a JOIN's aliased columns reuse it.")
class SalespeopleExercise extends ExerciseContract<ExerciseData> {

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";
    static final String FILE = "SalespeopleMapper.xml";

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, ExerciseData.Shape.small());
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("every dealership with exactly its salespeople", trial -> {
                    List<Dealership> loaded = load(trial);
                    Compare.dealerships(trial.data().dealerships(), loaded, Compare.Collections.SALESPEOPLE)
                            .ifPresent(difference -> {
                                throw Expect.failure("findAllWithSalespeople() is not right: %s.", difference);
                            });
                }),
                check("one statement, with the salespeople used", trial -> {
                    List<Dealership> loaded = load(trial);
                    int whenLoaded = trial.recorder().count();
                    loaded.forEach(SalespeopleExercise::use);
                    List<RecordedStatement> statements = trial.recorder().statements();
                    if (statements.size() == 1) {
                        return;
                    }
                    String moved = whenLoaded == 1
                            ? " Loading ran one statement, and the others ran as the salespeople were used: the "
                                    + "collection loads lazily, so the N+1 statements only moved to where the list is "
                                    + "first touched."
                            : "";
                    throw Expect.failure("loading %d dealerships and using their salespeople ran %d statements, where "
                            + "the exercise asks for one.%s%s", loaded.size(), statements.size(), moved,
                            Statements.listing(statements));
                }));
    }

    private static List<Dealership> load(Trial<ExerciseData> trial) {
        SqlSessionFactory factory = trial.ofThisAnswer(SqlSessionFactory.class,
                () -> AnswerMyBatis.sqlSessionFactory(trial.dataSource(), CONFIG, trial.answer().file(FILE)));
        trial.recorder().reset();
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(SalespeopleMapper.class).findAllWithSalespeople();
        }
    }

    /** What a caller does with the result: reads every salesperson. */
    private static void use(Dealership dealership) {
        for (Salesperson salesperson : dealership.getSalespeople()) {
            salesperson.getName();
        }
    }
}
