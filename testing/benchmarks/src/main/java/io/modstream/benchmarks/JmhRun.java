package io.modstream.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs one benchmark class through JMH's API, with whatever JMH options were given on the command line ({@code -f},
 * {@code -wi}, {@code -i}, {@code -w}, {@code -r}, {@code -jvmArgsAppend}, ...) and always with the GC profiler, whose
 * {@code gc.alloc.rate.norm} is the bytes allocated per operation.
 */
final class JmhRun {

    static final String ALLOCATION = "gc.alloc.rate.norm";

    private JmhRun() {}

    static Collection<RunResult> run(String[] args, Class<?> benchmark, UnaryOperator<ChainedOptionsBuilder> more)
            throws CommandLineOptionException, RunnerException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options =
                new OptionsBuilder().parent(commandLine).include("^" + Pattern.quote(benchmark.getName()) + "\\.");
        boolean gcAsked = commandLine.getProfilers().stream()
                .anyMatch(p -> p.getKlass().equals("gc") || p.getKlass().equals(GCProfiler.class.getName()));
        if (!gcAsked) {
            options.addProfiler(GCProfiler.class);
        }
        return new Runner(more.apply(options).build()).run();
    }

    /** The benchmark method's name, without its class. */
    static String method(RunResult result) {
        String name = result.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    static Optional<Result<?>> allocation(RunResult result) {
        return Optional.ofNullable(result.getSecondaryResults().get(ALLOCATION));
    }

    /** {@code score ± error}, the error being JMH's 99.9% confidence half-width (blank when it has too few samples). */
    static String withError(double score, double error, String format) {
        String shown = String.format(Locale.ROOT, format, score);
        return Double.isNaN(error) ? shown : shown + " ± " + String.format(Locale.ROOT, format, error);
    }
}
