/**
 * Load tests of the Kafka pipeline, following /work/shared/MEASURING.md: {@link io.modstream.load.PipelineBenchmark}
 * compares moderation-service's throughput with a consume→produce loop that does no work, on the same broker and the
 * same records; {@link io.modstream.load.CrashTest} kills the service with SIGKILL while it drains a backlog and
 * checks that every comment still gets exactly one outcome. Plain Kafka clients, no Spring; the service runs as a
 * process from its packaged jar. Run by hand through {@code testing/load/pipeline-benchmark.sh} and
 * {@code testing/load/crash-test.sh}, which start a fresh broker for each run.
 */
package io.modstream.load;
