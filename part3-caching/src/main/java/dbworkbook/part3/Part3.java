package dbworkbook.part3;

/** What the chapter's tests, demo and benchmarks share. */
public final class Part3 {

    /** The chapter's MyBatis configuration, a classpath resource. */
    public static final String MYBATIS_CONFIG = "dbworkbook/part3/mybatis-config.xml";

    private Part3() {
    }
}
