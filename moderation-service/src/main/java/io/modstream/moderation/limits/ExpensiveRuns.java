package io.modstream.moderation.limits;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.modstream.moderation.web.Problems;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * How many of the expensive jobs run at once on this instance: a backtest reads up to the whole of
 * {@code comments.submitted} through a policy engine, a replay holds a Kafka transaction open. Each kind has a
 * {@link Semaphore} with the configured number of permits; a job that finds none left is refused at once (429), never
 * queued, because the caller would otherwise wait with no idea how long.
 *
 * <p>Take the permit where the work runs and release it (in {@code finally}) when the work ends, whether it ends normally, by an error or
 * because the client went away and the work noticed: a permit counts work running, not requests open. The gauge
 * {@code modstream.staff.running{job}} shows how many run. Thread-safe.
 */
@Component
public class ExpensiveRuns {

    /** The jobs that are limited, with the word the refusal uses. */
    public enum Job {
        BACKTEST("backtest", "backtests"),
        REPLAY("dead-letter replay", "dead-letter replays");

        private final String one;
        private final String many;

        Job(String one, String many) {
            this.one = one;
            this.many = many;
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A job's hold on one of its permits; releasing it again does nothing. */
    public interface Permit {
        void release();
    }

    /** Not a promise: jobs end at their own pace, and a retry may find the places taken again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<Job, Semaphore> permits = new EnumMap<>(Job.class);
    private final Map<Job, Integer> allowed = new EnumMap<>(Job.class);
    private final MeterRegistry registry;

    ExpensiveRuns(StaffLimitProperties limits, MeterRegistry registry) {
        this.registry = registry;
        allowed.put(Job.BACKTEST, limits.backtestsAtOnce());
        allowed.put(Job.REPLAY, limits.replaysAtOnce());
        allowed.forEach((job, count) -> {
            Semaphore semaphore = new Semaphore(count);
            permits.put(job, semaphore);
            Gauge.builder("modstream.staff.running", semaphore, s -> count - s.availablePermits())
                    .description("Expensive staff jobs running on this instance")
                    .tag("job", job.tag())
                    .register(registry);
        });
    }

    /**
     * Takes a permit for {@code job} on behalf of {@code user}.
     *
     * @throws ErrorResponseException 429 with {@code Retry-After} when all of the job's permits are taken
     */
    public Permit start(Job job, String user) {
        Semaphore semaphore = Objects.requireNonNull(permits.get(job));
        if (!semaphore.tryAcquire()) {
            StaffLimitMetrics.refused(registry, user, job.tag());
            int count = allowed.get(job);
            throw Problems.tooManyRequests(
                    "At most " + count + " " + (count == 1 ? job.one : job.many) + " may run at once on this"
                            + " instance, and that many are running. Nothing was started; try again when one has"
                            + " finished.",
                    RETRY_AFTER);
        }
        return new OnePermit(semaphore);
    }

    /** Gives its permit back once, however many times it is released. */
    private static final class OnePermit implements Permit {

        private final Semaphore semaphore;
        private boolean held = true;

        OnePermit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public synchronized void release() {
            if (held) {
                held = false;
                semaphore.release();
            }
        }
    }
}
