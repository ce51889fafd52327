package io.modstream.moderation.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How fast records arrive per topic: samples the topics' end offsets every few seconds and keeps the last 15
 * minutes in memory. Each instance samples on its own; a restarted instance starts an empty chart. Thread-safe.
 */
@Component
class Throughput {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final Duration KEPT = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(Throughput.class);

    private final BrokerView broker;
    private final Clock clock = Clock.systemUTC();
    private final Deque<Sample> samples = new ArrayDeque<>();

    Throughput(BrokerView broker) {
        this.broker = broker;
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT1S")
    void sample() {
        try {
            record(clock.instant(), broker.endOffsetTotals());
        } catch (RuntimeException e) {
            // A broker that does not answer leaves a gap in the chart, not a dead sampler.
            log.debug("Throughput sample skipped: {}", e.getMessage());
        }
    }

    synchronized void record(Instant at, Map<String, Long> endOffsetTotals) {
        samples.addLast(new Sample(at, Map.copyOf(endOffsetTotals)));
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(at.minus(KEPT))) {
            samples.removeFirst();
        }
    }

    /**
     * Records per second per topic between consecutive samples, oldest first. A topic that appears later starts at
     * its first sample; an end offset that went down (a topic deleted and created again) counts as 0.
     */
    synchronized Series series() {
        List<Sample> all = new ArrayList<>(samples);
        TreeSet<String> topics = new TreeSet<>();
        all.forEach(sample -> topics.addAll(sample.totals().keySet()));
        List<Instant> times = new ArrayList<>();
        Map<String, List<Double>> rates = new TreeMap<>();
        topics.forEach(topic -> rates.put(topic, new ArrayList<>()));
        for (int i = 1; i < all.size(); i++) {
            Sample before = all.get(i - 1);
            Sample after = all.get(i);
            double seconds = Duration.between(before.at(), after.at()).toMillis() / 1000.0;
            times.add(after.at());
            for (String topic : topics) {
                Long from = before.totals().get(topic);
                Long to = after.totals().get(topic);
                double rate = from == null || to == null || seconds <= 0 ? 0 : Math.max(0, to - from) / seconds;
                rates.get(topic).add(Math.round(rate * 100) / 100.0);
            }
        }
        return new Series(INTERVAL.toSeconds(), times, rates);
    }

    private record Sample(Instant at, Map<String, Long> totals) {}

    /**
     * The chart's data.
     *
     * @param intervalSeconds the intended time between samples
     * @param times the end of each measured interval
     * @param perSecond per topic, records per second in each interval (same length as {@code times}); counted by
     *     offsets, so a transactional topic's commit markers count as records
     */
    record Series(long intervalSeconds, List<Instant> times, Map<String, List<Double>> perSecond) {

        Series {
            times = List.copyOf(times);
            perSecond = Collections.unmodifiableMap(new TreeMap<>(perSecond));
        }
    }
}
