package io.modstream.testing.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because something timed out (a request that got no answer, a condition never met), prints every
 * thread of the JVM with its whole stack before the failure is reported, so that a failure seen once on CI says what
 * the server, the broker and the test's own threads were doing. Loaded into every test of a module that has
 * {@code junit.jupiter.extensions.autodetection.enabled=true} (its {@code junit-platform.properties}), through
 * {@code META-INF/services}. It changes no outcome: the failure is rethrown as it came.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            System.out.println("Thread dump at " + Instant.now() + ", " + context.getDisplayName() + " in "
                    + context.getRequiredTestClass().getName() + " timed out:\n" + threadDump());
        }
        throw failure;
    }

    /**
     * Whether {@code failure}, or any of its causes, is a timeout: any exception class named {@code *TimeoutException}
     * (the JDK's, Selenium's, Awaitility's) or Reactor's "Timeout on blocking read".
     */
    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause.getClass().getSimpleName().endsWith("TimeoutException")
                    || message.startsWith("Timeout on blocking read")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Every live thread, by name, with its state, the lock it waits for and its whole stack. */
    static String threadDump() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        Arrays.sort(threads, Comparator.comparing(ThreadInfo::getThreadName));
        StringBuilder out = new StringBuilder();
        for (ThreadInfo thread : threads) {
            out.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                out.append(" on ").append(thread.getLockName());
                if (thread.getLockOwnerName() != null) {
                    out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
                }
            }
            out.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
