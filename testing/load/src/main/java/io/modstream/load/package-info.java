/**
 * Load tests of the Kafka pipeline, by the method docs/benchmarks.md describes: {@link io.modstream.load.PipelineBenchmark}
 * compares moderation-service's throughput with a consume→produce loop that does no work, on the same broker and the
 * same records; {@link io.modstream.load.CrashTest} kills the service with SIGKILL while it drains a backlog and
 * checks that every comment still gets exactly one outcome; {@link io.modstream.load.LatencyBenchmark} times comments
 * from comment-ingest's API to their outcome at a fixed rate; {@link io.modstream.load.StateScaleBenchmark} measures
 * the service's memory with a million authors in its store, and its restart; {@link io.modstream.load.FailoverTest}
 * kills one of two instances and checks that the other takes over without losing or repeating an outcome;
 * {@link io.modstream.load.ReadSideBenchmark} times comment-ingest's read side with millions of comments: its build and
 * restart, status and thread-page reads at a fixed rate, and its heap. Plain
 * Kafka clients and the JDK's HTTP client, no Spring; the services run as processes from their packaged jars. Run by
 * hand through the scripts in {@code testing/load/} ({@code pipeline-benchmark.sh}, {@code crash-test.sh},
 * {@code latency-benchmark.sh}, {@code state-scale.sh}, {@code failover-test.sh}, {@code ingest-benchmark.sh},
 * {@code read-side-benchmark.sh}), which start a fresh broker for
 * each run.
 */
package io.modstream.load;
