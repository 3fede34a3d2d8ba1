package dbworkbook.common.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks the test class that checks the learner's own file of one exercise. The class is solved when all its tests
 * pass; at the end of the run {@link ExerciseProgress} prints a line such as
 * {@code part1-nplus1: 1 of 3 exercises solved} and a checklist.
 *
 * <p>Exercise tests are run by the {@code exercises} Maven profile only (they are named {@code *ExerciseTest}); the
 * default build runs the same contract against the reference solution instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ExerciseProgress.class)
public @interface Exercise {

    int number();

    String title();

    /** The file to edit, relative to the chapter's folder. */
    String file();
}
