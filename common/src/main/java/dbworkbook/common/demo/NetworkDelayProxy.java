package dbworkbook.common.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on the loopback address that holds every byte back for half a given round-trip time in each
 * direction: a stand-in for the network between an application and a database on another machine.
 *
 * <p>Why a demo needs it: on one machine a round trip to PostgreSQL costs well under a tenth of a millisecond, so
 * one statement per row (N+1) looks almost free. Between two machines in one data centre it costs half a
 * millisecond or more, and every statement pays it. Connecting through this relay lets a demo measure the same
 * code both ways, on this machine, with nothing estimated.
 *
 * <p>It delays, it does not throttle: bytes keep flowing at full speed, each chunk just arrives later.
 */
public final class NetworkDelayProxy implements AutoCloseable {

    private static final byte[] END_OF_STREAM = new byte[0];

    private final InetSocketAddress target;
    private final long oneWayDelayNanos;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "network-delay-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesToServer = new AtomicLong();
    private final AtomicLong bytesFromServer = new AtomicLong();

    /** The bytes relayed each way since the last {@link #resetCounts()}: what crossed the "network". */
    public record Bytes(long toServer, long fromServer) {
    }

    private NetworkDelayProxy(InetSocketAddress target, Duration roundTrip) throws IOException {
        this.target = target;
        this.oneWayDelayNanos = roundTrip.toNanos() / 2;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptConnections);
    }

    /** Listens on a free loopback port; every connection made to it is relayed to {@code target}. */
    public static NetworkDelayProxy start(InetSocketAddress target, Duration roundTrip) throws IOException {
        return new NetworkDelayProxy(target, roundTrip);
    }

    /** Where to connect instead of the target. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target);
                for (Socket socket : new Socket[] {client, server}) {
                    socket.setTcpNoDelay(true); // the relay adds a fixed delay; Nagle's algorithm would add its own
                    sockets.add(socket);
                }
                relay(client, server, bytesToServer);
                relay(server, client, bytesFromServer);
            } catch (IOException e) {
                // The listener was closed, or the target refused: the client sees its connection fail.
            }
        }
    }

    /** One direction: a reader stamps each chunk with its delivery time, a writer sends it when that time comes. */
    private void relay(Socket from, Socket to, AtomicLong counted) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        threads.execute(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    counted.addAndGet(n);
                    queue.add(new Chunk(System.nanoTime() + oneWayDelayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // Closed: pass the end on below.
            }
            queue.add(new Chunk(System.nanoTime() + oneWayDelayNanos, END_OF_STREAM));
        });
        threads.execute(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    long wait;
                    while ((wait = chunk.deliverAt() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk.bytes() == END_OF_STREAM) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private record Chunk(long deliverAt, byte[] bytes) {
    }

    /** Counts the bytes relayed from now on. */
    public void resetCounts() {
        bytesToServer.set(0);
        bytesFromServer.set(0);
    }

    /**
     * The bytes relayed since {@link #resetCounts()}. Read it once the work is done and its answer has arrived: a
     * byte is counted when the relay reads it, before it holds it back.
     */
    public Bytes bytes() {
        return new Bytes(bytesToServer.get(), bytesFromServer.get());
    }

    /**
     * Cuts every connection relayed so far, as a network failure or a proxy restart would, and goes on accepting new
     * ones. The application sees its next statement on such a connection fail with an I/O error (SQLSTATE 08006).
     */
    public void breakConnections() {
        sockets.forEach(NetworkDelayProxy::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(NetworkDelayProxy::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing anyway.
        }
    }
}
