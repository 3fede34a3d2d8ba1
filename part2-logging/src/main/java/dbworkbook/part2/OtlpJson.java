package dbworkbook.part2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans as OTLP JSON (lesson 8): the body of an OTLP/HTTP export request ({@code ExportTraceServiceRequest}), which
 * any OTLP endpoint accepts ({@code curl -H 'Content-Type: application/json' --data-binary @file
 * http://localhost:4318/v1/traces}) and the OpenTelemetry Collector's {@code otlpjsonfile} receiver reads (one request
 * per line: the file is one line).
 *
 * <p>Written here with Jackson because the SDK's JSON exporter ({@code opentelemetry-exporter-logging-otlp}) is not
 * served at 1.68.0, and the encoder behind it is an internal class of the exporters. The encoding is protobuf's JSON
 * mapping, with OTLP's exceptions: {@code resourceSpans}, {@code scopeSpans}, {@code spans} in lowerCamelCase; trace
 * and span ids in hex, not base64; enums as numbers ({@code kind} 1 internal, 2 server, 3 client; status {@code code} 1
 * ok, 2 error); 64-bit integers (the times in nanoseconds since the epoch, integer attributes) as decimal strings.
 * {@code OtlpJsonTest} compares the output with that internal encoder's, field for field.
 */
public final class OtlpJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OtlpJson() {
    }

    /** Writes {@code spans} to {@code file} as one export request, on one line. */
    public static Path write(Collection<SpanData> spans, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, JSON.writeValueAsString(exportRequest(spans)) + "\n");
        return file;
    }

    /** The export request: spans grouped by their resource, then by their instrumentation scope. */
    public static ObjectNode exportRequest(Collection<SpanData> spans) {
        Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> grouped = new LinkedHashMap<>();
        for (SpanData span : spans) {
            grouped.computeIfAbsent(span.getResource(), resource -> new LinkedHashMap<>())
                    .computeIfAbsent(span.getInstrumentationScopeInfo(), scope -> new ArrayList<>()).add(span);
        }
        ObjectNode request = NODES.objectNode();
        ArrayNode resourceSpans = request.putArray("resourceSpans");
        grouped.forEach((resource, byScope) -> {
            ObjectNode entry = resourceSpans.addObject();
            entry.putObject("resource").set("attributes", attributes(resource.getAttributes()));
            ArrayNode scopeSpans = entry.putArray("scopeSpans");
            byScope.forEach((scope, scopeSpanList) -> {
                ObjectNode scopeEntry = scopeSpans.addObject();
                ObjectNode scopeNode = scopeEntry.putObject("scope").put("name", scope.getName());
                if (scope.getVersion() != null) {
                    scopeNode.put("version", scope.getVersion());
                }
                if (!scope.getAttributes().isEmpty()) {
                    scopeNode.set("attributes", attributes(scope.getAttributes()));
                }
                ArrayNode spanNodes = scopeEntry.putArray("spans");
                scopeSpanList.forEach(span -> spanNodes.add(span(span)));
                if (scope.getSchemaUrl() != null) {
                    scopeEntry.put("schemaUrl", scope.getSchemaUrl());
                }
            });
            if (resource.getSchemaUrl() != null) {
                entry.put("schemaUrl", resource.getSchemaUrl());
            }
        });
        return request;
    }

    private static ObjectNode span(SpanData span) {
        ObjectNode node = NODES.objectNode()
                .put("traceId", span.getTraceId())
                .put("spanId", span.getSpanId());
        if (span.getParentSpanContext().isValid()) {
            node.put("parentSpanId", span.getParentSpanId());
        }
        node.put("flags", flags(span.getSpanContext().getTraceFlags(), span.getParentSpanContext().isRemote()))
                .put("name", span.getName())
                .put("kind", span.getKind().ordinal() + 1) // INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER: 1 to 5
                .put("startTimeUnixNano", Long.toString(span.getStartEpochNanos()))
                .put("endTimeUnixNano", Long.toString(span.getEndEpochNanos()));
        if (!span.getAttributes().isEmpty()) {
            node.set("attributes", attributes(span.getAttributes()));
        }
        if (!span.getEvents().isEmpty()) {
            ArrayNode events = node.putArray("events");
            for (EventData event : span.getEvents()) {
                ObjectNode eventNode = events.addObject()
                        .put("timeUnixNano", Long.toString(event.getEpochNanos()))
                        .put("name", event.getName());
                if (!event.getAttributes().isEmpty()) {
                    eventNode.set("attributes", attributes(event.getAttributes()));
                }
            }
        }
        if (!span.getLinks().isEmpty()) {
            ArrayNode links = node.putArray("links");
            for (LinkData link : span.getLinks()) {
                ObjectNode linkNode = links.addObject()
                        .put("traceId", link.getSpanContext().getTraceId())
                        .put("spanId", link.getSpanContext().getSpanId());
                if (!link.getAttributes().isEmpty()) {
                    linkNode.set("attributes", attributes(link.getAttributes()));
                }
                linkNode.put("flags", flags(link.getSpanContext().getTraceFlags(), link.getSpanContext().isRemote()));
            }
        }
        node.set("status", status(span.getStatus()));
        return node;
    }

    /**
     * The trace flags (bit 0: sampled), with bit 8 set to say that bit 9 is known: whether the parent (or the linked
     * span) is remote, in another process (OTLP 1.4).
     */
    private static int flags(TraceFlags traceFlags, boolean remote) {
        return (traceFlags.asByte() & 0xff) | 0x100 | (remote ? 0x200 : 0);
    }

    private static ObjectNode status(StatusData status) {
        ObjectNode node = NODES.objectNode();
        if (!status.getDescription().isEmpty()) {
            node.put("message", status.getDescription());
        }
        if (status.getStatusCode().ordinal() != 0) { // UNSET, OK, ERROR: 0, 1, 2; 0 is left out as protobuf does
            node.put("code", status.getStatusCode().ordinal());
        }
        return node;
    }

    private static ArrayNode attributes(Attributes attributes) {
        ArrayNode array = NODES.arrayNode();
        attributes.forEach((key, value) -> array.addObject().put("key", key.getKey()).set("value", value(key, value)));
        return array;
    }

    private static ObjectNode value(AttributeKey<?> key, Object value) {
        ObjectNode node = NODES.objectNode();
        switch (key.getType()) {
            case STRING -> node.put("stringValue", (String) value);
            case BOOLEAN -> node.put("boolValue", (Boolean) value);
            case LONG -> node.put("intValue", Long.toString((Long) value));
            case DOUBLE -> node.put("doubleValue", (Double) value);
            case STRING_ARRAY, BOOLEAN_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> {
                ArrayNode values = node.putObject("arrayValue").putArray("values");
                for (Object element : (List<?>) value) {
                    values.add(element instanceof String s ? NODES.objectNode().put("stringValue", s)
                            : element instanceof Boolean b ? NODES.objectNode().put("boolValue", b)
                            : element instanceof Long l ? NODES.objectNode().put("intValue", Long.toString(l))
                            : NODES.objectNode().put("doubleValue", (Double) element));
                }
            }
            default -> throw new IllegalArgumentException("Attribute " + key.getKey() + " is of type " + key.getType()
                    + ", which this writer does not encode (the JDBC instrumentation sets none)");
        }
        return node;
    }
}
