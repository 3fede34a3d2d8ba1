package dbworkbook.part2;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.semconv.ServiceAttributes;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Lesson 8: every statement a span. OpenTelemetry's JDBC library instrumentation ({@code opentelemetry-jdbc}) wraps
 * a {@link DataSource}; every statement run through it becomes a span, a child of whatever span is current on the
 * thread: here the span of the unit of work ({@link #unitOfWork}), in a service the span of the request that the web
 * framework's instrumentation starts.
 *
 * <p>The SDK is set up in code, with no agent and no global state: spans go to the exporter given (the SDK's
 * in-memory exporter in the tests) as each one ends ({@link SimpleSpanProcessor}). A service would use a
 * {@code BatchSpanProcessor} and an OTLP exporter to its collector, so that no request waits for the export.
 */
public final class StatementTracing implements AutoCloseable {

    /** The service name a tracing tool files these traces under. */
    public static final String SERVICE_NAME = "dbworkbook-part2";

    private final SdkTracerProvider tracerProvider;
    private final OpenTelemetrySdk openTelemetry;
    private final Tracer tracer;

    private StatementTracing(SpanExporter exporter) {
        tracerProvider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(ServiceAttributes.SERVICE_NAME, SERVICE_NAME))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
        tracer = openTelemetry.getTracer(StatementTracing.class.getPackageName());
    }

    /** Tracing whose finished spans go to {@code exporter}, one by one as they end. */
    public static StatementTracing exportingTo(SpanExporter exporter) {
        return new StatementTracing(exporter);
    }

    /**
     * {@code dataSource}, traced: a span per statement, and a span per {@code getConnection()}.
     *
     * <ul>
     *   <li>Connection spans are off by default in this version; they are on here because a slow borrow from the pool
     *       (chapter 4) is worth seeing in a trace. They are not statements: count them apart
     *       ({@link DatabaseSpans#isConnection}).</li>
     *   <li>Bind parameters are not recorded (the default, said out loud): a span holds the SQL with its {@code ?},
     *       and literals pasted into the SQL are replaced by {@code ?} too (query sanitization, also the default).
     *       Values are often personal data, and a trace travels to other systems and people.</li>
     * </ul>
     */
    public DataSource traced(DataSource dataSource) {
        return JdbcTelemetry.builder(openTelemetry)
                .setDataSourceInstrumenterEnabled(true)
                .setCaptureQueryParameters(false)
                .build()
                .wrap(dataSource);
    }

    /** Runs {@code work} inside a span named {@code name}: the statements it runs become that span's children. */
    public <T> T unitOfWork(String name, Supplier<T> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope current = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The SDK behind it, for instrumentation with settings of its own. */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** Ends the tracer provider: spans still waiting are exported, the exporter is shut down. */
    @Override
    public void close() {
        tracerProvider.close();
    }
}
