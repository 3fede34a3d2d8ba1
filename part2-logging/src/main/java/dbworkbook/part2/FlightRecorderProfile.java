package dbworkbook.part2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Lesson 9: where the time of one piece of work went, from a Java Flight Recorder recording made in-process
 * ({@code jdk.jfr.Recording}) and read back ({@code jdk.jfr.consumer}). Lesson 7 put the statements on JFR's timeline;
 * this is the profile around them:
 *
 * <ul>
 *   <li><b>socket reads</b> ({@code jdk.SocketRead}): each time the driver waited for the server's answer, with how
 *       long it waited. Their threshold is 20 ms by default, which hides every fast read; it is 0 here, so that
 *       each one is counted.</li>
 *   <li><b>CPU samples</b> ({@code jdk.ExecutionSample}): every millisecond, the stacks of a few threads that are
 *       running Java code (JFR takes turns among them, so a busy JVM gives each thread fewer). A thread waiting for a
 *       socket is not running Java code: its waits are the socket reads. Each
 *       sample is put down to the first frame from the top that belongs to a library: MyBatis mapping rows, the
 *       driver decoding them, the socket, the pool.</li>
 * </ul>
 *
 * <p>Only the events of the thread that did the work count. Other threads read sockets too (the delay relay of the
 * demos relays every byte twice, a pool's housekeeping), and counting them would double the N+1's reads.
 */
public final class FlightRecorderProfile {

    /** Who a CPU sample's time belongs to: the first frame from the top in one of these packages decides. */
    public enum Layer {
        SOCKET("socket", "java.net.Socket", "sun.nio.ch."),
        DRIVER("PgJDBC", "org.postgresql."),
        MYBATIS("MyBatis", "org.apache.ibatis."),
        POOL("HikariCP", "com.zaxxer.hikari."),
        WORKBOOK("workbook code", "dbworkbook."),
        OTHER("JDK alone");

        private final String label;
        private final List<String> packages;

        Layer(String label, String... packages) {
            this.label = label;
            this.packages = List.of(packages);
        }

        public String label() {
            return label;
        }

        static Layer of(String className) {
            return Arrays.stream(values()).filter(layer -> layer.packages.stream().anyMatch(className::startsWith))
                    .findFirst().orElse(OTHER);
        }
    }

    /** CPU samples of one layer. */
    public record LayerSamples(Layer layer, int samples) {
    }

    /** CPU samples put down to one frame ({@code class.method}), and its layer. */
    public record FrameSamples(String frame, Layer layer, int samples) {
    }

    /**
     * What the recording saw on the working thread.
     *
     * @param statements        lesson 7's statement events
     * @param socketReads       {@code jdk.SocketRead} events
     * @param socketReadMillis  the time those reads waited, in all
     * @param otherThreadsSocketReads the reads of every other thread, left out of the figures above
     * @param cpuSamples        {@code jdk.ExecutionSample} events
     * @param topFrames         the frames most samples were put down to, the most first
     */
    public record Profile(double wallMillis, long statements, long socketReads, double socketReadMillis,
                          long otherThreadsSocketReads, int cpuSamples, List<LayerSamples> layers,
                          List<FrameSamples> topFrames) {

        public int samples(Layer layer) {
            return layers.stream().filter(l -> l.layer() == layer).mapToInt(LayerSamples::samples).sum();
        }
    }

    /** The JDK's "profile" settings sample every 10 ms; a load of a second gives too few samples at that rate. */
    static final Duration SAMPLING_PERIOD = Duration.ofMillis(1);
    static final int TOP_FRAMES = 5;

    private FlightRecorderProfile() {
    }

    /** Runs {@code work} on this thread while recording, and returns where its time went. */
    public static Profile of(Runnable work) {
        Path file = null;
        try {
            file = Files.createTempFile("part2-profile", ".jfr");
            long start;
            long end;
            try (Recording recording = new Recording()) {
                recording.setName("part2-profile");
                recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withoutStackTrace();
                recording.enable("jdk.ExecutionSample").withPeriod(SAMPLING_PERIOD);
                recording.enable(StatementEvent.class).withThreshold(Duration.ZERO).withoutStackTrace();
                recording.start();
                start = System.nanoTime();
                work.run();
                end = System.nanoTime();
                recording.stop();
                recording.dump(file);
            }
            return read(file, Thread.currentThread().getId(), (end - start) / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write or read the recording " + file, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // A temporary file left behind: the system's temporary folder is cleaned by others.
                }
            }
        }
    }

    private static Profile read(Path file, long threadId, double wallMillis) throws IOException {
        long statements = 0;
        long socketReads = 0;
        long otherReads = 0;
        long readNanos = 0;
        int samples = 0;
        Map<Layer, Integer> byLayer = new EnumMap<>(Layer.class);
        Map<String, FrameSamples> byFrame = new LinkedHashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.SocketRead" -> {
                    if (isThread(event.getThread(), threadId)) {
                        socketReads++;
                        readNanos += event.getDuration().toNanos();
                    } else {
                        otherReads++;
                    }
                }
                case "jdk.ExecutionSample" -> {
                    if (isThread(event.getThread("sampledThread"), threadId) && event.getStackTrace() != null) {
                        samples++;
                        RecordedFrame frame = decidingFrame(event.getStackTrace());
                        String className = frame.getMethod().getType().getName();
                        Layer layer = Layer.of(className);
                        byLayer.merge(layer, 1, Integer::sum);
                        byFrame.merge(className + "." + frame.getMethod().getName(),
                                new FrameSamples(className + "." + frame.getMethod().getName(), layer, 1),
                                (a, b) -> new FrameSamples(a.frame(), a.layer(), a.samples() + 1));
                    }
                }
                case "dbworkbook.MyBatisStatement" -> {
                    if (isThread(event.getThread(), threadId)) {
                        statements++;
                    }
                }
                default -> {
                    // Nothing else was enabled; JFR adds a few events of its own.
                }
            }
        }
        List<LayerSamples> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            layers.add(new LayerSamples(layer, byLayer.getOrDefault(layer, 0)));
        }
        List<FrameSamples> top = byFrame.values().stream()
                .sorted(Comparator.comparingInt(FrameSamples::samples).reversed()).limit(TOP_FRAMES).toList();
        return new Profile(wallMillis, statements, socketReads, readNanos / 1e6, otherReads, samples, layers, top);
    }

    /** The first frame from the top that belongs to a layer (a library, the socket), else the top frame itself. */
    private static RecordedFrame decidingFrame(RecordedStackTrace stack) {
        return stack.getFrames().stream()
                .filter(frame -> Layer.of(frame.getMethod().getType().getName()) != Layer.OTHER)
                .findFirst().orElse(stack.getFrames().get(0));
    }

    private static boolean isThread(RecordedThread thread, long threadId) {
        return thread != null && thread.getJavaThreadId() == threadId;
    }
}
