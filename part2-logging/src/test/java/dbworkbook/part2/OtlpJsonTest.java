package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 8: the OTLP JSON written with Jackson is what the OpenTelemetry exporters' own encoder writes for the same
 * spans (an internal class of theirs: fine for a test), so a tracing tool reads it as it would read theirs.
 */
class OtlpJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFileIsOneExportRequestEncodedAsTheSdkEncodesIt(@TempDir Path folder) throws IOException {
        List<SpanData> spans = spansOfEveryShape();
        assertThat(spans).hasSize(4);
        Path file = OtlpJson.write(spans, folder.resolve("spans.otlp.json"));

        ByteArrayOutputStream sdk = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeJsonTo(sdk);
        JsonNode ours = JSON.readTree(file.toFile());
        assertThat(comparable(ours)).isEqualTo(comparable(JSON.readTree(sdk.toByteArray())));
        assertThat(Files.readAllLines(file)).as("one request per line, as the Collector's otlpjsonfile reads")
                .hasSize(1);

        JsonNode firstSpan = ours.at("/resourceSpans/0/scopeSpans/0/spans/0");
        assertThat(firstSpan.get("traceId").asText()).matches("[0-9a-f]{32}");
        assertThat(firstSpan.get("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(firstSpan.get("startTimeUnixNano").isTextual()).as("64-bit integers as strings").isTrue();
    }

    /**
     * The same request in one form: without empty lists (the SDK writes {@code "events":[]}, we leave it out; both
     * mean no events in protobuf's JSON), and the scopes of a resource in one order (the SDK groups them in a hash
     * map's order, which means nothing).
     */
    private static JsonNode comparable(JsonNode request) {
        JsonNode copy = request.deepCopy();
        removeEmptyLists(copy);
        for (JsonNode resourceSpans : copy.get("resourceSpans")) {
            List<JsonNode> scopes = new ArrayList<>();
            resourceSpans.get("scopeSpans").forEach(scopes::add);
            scopes.sort(Comparator.comparing(scope -> scope.get("scope").toString()));
            ((ObjectNode) resourceSpans).putArray("scopeSpans").addAll(scopes);
        }
        return copy;
    }

    private static void removeEmptyLists(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> empty = new ArrayList<>();
            object.properties().forEach(field -> {
                if (field.getValue().isArray() && field.getValue().isEmpty()) {
                    empty.add(field.getKey());
                }
            });
            object.remove(empty);
        }
        node.forEach(OtlpJsonTest::removeEmptyLists);
    }

    /**
     * Spans of every shape: a unit of work with a child as the JDBC instrumentation makes them (a client span with
     * string and integer attributes), a span with every attribute type, an event, a link and an error.
     */
    private static List<SpanData> spansOfEveryShape() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (StatementTracing tracing = StatementTracing.exportingTo(exporter)) {
            Tracer tracer = tracing.openTelemetry().getTracer("test", "1.0");
            tracing.unitOfWork("every dealership", () -> {
                tracer.spanBuilder("SELECT car").setSpanKind(SpanKind.CLIENT)
                        .setAttribute(DatabaseSpans.STATEMENT, StatementTracingTest.NESTED_SELECT)
                        .setAttribute(DatabaseSpans.SYSTEM, "postgresql")
                        .setAttribute(AttributeKey.longKey("server.port"), 5432L)
                        .startSpan().end();
                return null;
            });
            Span linked = tracing.openTelemetry().getTracer("other").spanBuilder("linked").startSpan();
            linked.end();
            tracer.spanBuilder("every shape")
                    .addLink(linked.getSpanContext(), Attributes.of(AttributeKey.stringKey("why"), "test"))
                    .setAllAttributes(Attributes.builder().put("text", "é \"quoted\"").put("flag", true)
                            .put("count", Long.MAX_VALUE).put("ratio", 0.25).put("names", "a", "b")
                            .put("counts", 1L, 2L).put("ratios", 0.5, 1.5).put("flags", true, false).build())
                    .startSpan()
                    .addEvent("an event", Attributes.of(AttributeKey.longKey("rows"), 3L))
                    .setStatus(StatusCode.ERROR, "it failed")
                    .end();
            return exporter.getFinishedSpanItems(); // before close(): shutting the exporter down empties it
        }
    }
}
