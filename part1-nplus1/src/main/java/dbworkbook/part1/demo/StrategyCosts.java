package dbworkbook.part1.demo;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.NetworkDelayProxy;
import dbworkbook.common.demo.ThreadAllocation;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part1.demo.Strategy.Connections;
import dbworkbook.part1.demo.Strategy.Loaded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each strategy costs on one data set, every way the chapter counts it: statements and rows read (the
 * statement recorder), bytes on the wire (a relay that adds no delay, counting), bytes the loading thread allocated,
 * and the time (median, interleaved), directly and, if asked, through the chapter's delay relay. Each count comes
 * from a run of its own, so no counter is in the way of another, nor of the times.
 */
final class StrategyCosts {

    private StrategyCosts() {
    }

    /** One strategy's costs; {@code relayedMs} is null when not measured. */
    record Cost(Strategy strategy, String label, int statements, long rowsRead, long bytesToServer,
                long bytesFromServer, long allocatedBytes, double directMs, Double relayedMs) {
    }

    private record Timed(Strategy strategy, boolean relayed) {
    }

    static List<Cost> measure(DemoContext context, WorkbookDatabase database, Scale scale, List<Strategy> strategies,
                              boolean relayed) {
        Loaded expected = new Loaded(scale.dealerships(), scale.cars(), 0);
        StatementRecorder recorder = new StatementRecorder();
        Connections counted = Connections.over(recorder.record(database.pooledDataSource("part1-counted", 4)));
        NetworkDelayProxy counter = context.relay(Duration.ZERO);
        Connections wire = Connections.over(database.pooledDataSourceThrough(counter.address(), "part1-wire", 4));
        Connections direct = Connections.over(database.pooledDataSource("part1-direct", 4));
        Map<Strategy, long[]> counts = new LinkedHashMap<>();
        Strategy.work(strategies, counted, expected).forEach((strategy, work) -> {
            recorder.reset();
            work.run();
            counts.put(strategy, new long[] {recorder.count(), recorder.rowsRead(), 0, 0, 0});
        });
        Strategy.work(strategies, wire, expected).forEach((strategy, work) -> {
            work.run(); // once first: the pool's connections are open, their set-up is not counted
            counter.resetCounts();
            work.run();
            NetworkDelayProxy.Bytes bytes = counter.bytes();
            counts.get(strategy)[2] = bytes.toServer();
            counts.get(strategy)[3] = bytes.fromServer();
        });
        Map<Timed, Runnable> work = new LinkedHashMap<>();
        Map<Strategy, Runnable> directWork = Strategy.work(strategies, direct, expected);
        directWork.forEach((strategy, run) -> work.put(new Timed(strategy, false), run));
        if (relayed) {
            Connections far = Connections.over(database.pooledDataSourceThrough(
                    context.relay(context.options().roundTrip()).address(), "part1-relayed", 4));
            Strategy.work(strategies, far, expected).forEach((strategy, run) -> work.put(new Timed(strategy, true), run));
        }
        Map<Timed, Timing.Sample> samples = context.timeInterleaved(work);
        // After the timing, with the code compiled as it runs for good: allocation depends on what the JIT removed.
        directWork.forEach((strategy, run) -> counts.get(strategy)[4] = ThreadAllocation.of(run));
        List<Cost> costs = new ArrayList<>();
        for (Strategy strategy : strategies) {
            long[] c = counts.get(strategy);
            costs.add(new Cost(strategy, strategy.label(), (int) c[0], c[1], c[2], c[3], c[4],
                    samples.get(new Timed(strategy, false)).medianMillis(),
                    relayed ? samples.get(new Timed(strategy, true)).medianMillis() : null));
        }
        return costs;
    }

    static Cost of(List<Cost> costs, Strategy strategy) {
        return costs.stream().filter(cost -> cost.strategy() == strategy).findFirst().orElseThrow();
    }
}
