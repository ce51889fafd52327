package io.modstream.moderation.pipeline;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has the Kafka clients compress with lz4-java's native library instead of its pure-Java port.
 *
 * <p>kafka-clients asks {@link LZ4Factory#fastestInstance()} for a compressor for every batch it writes (and
 * {@link XXHashFactory#fastestInstance()} for its checksum). That answer is the native (JNI) one only if the native
 * library is already loaded, or if lz4-java sits on the system class loader; in the packaged service it sits on
 * Spring Boot's jar class loader, so every batch was compressed by the Java port: about a sixth of the stream thread's
 * samples at {@code 58f6acc} (docs/benchmarks.md), and more code for the JIT to compile. Loading the library once,
 * before the first batch, turns every later {@code fastestInstance()} native. The bytes written are the same LZ4
 * frame format either way, so readers cannot tell.
 *
 * <p>Where the library cannot load (no build for the platform, a temporary folder mounted {@code noexec}), the Java
 * port stays in use, as before; that is logged once and is not an error.
 */
final class NativeLz4 {

    private static final Logger log = LoggerFactory.getLogger(NativeLz4.class);

    private NativeLz4() {}

    /** Loads the native library if it can; true when Kafka's LZ4 is now native. Safe to call more than once. */
    static boolean load() {
        try {
            LZ4Factory.nativeInstance();
            XXHashFactory.nativeInstance();
        } catch (Throwable unavailable) { // UnsatisfiedLinkError and kin: the platform has no library that loads
            log.info("lz4-java's native library did not load ({}); Kafka compresses with its Java port", unavailable);
            return false;
        }
        return LZ4Factory.fastestInstance() == LZ4Factory.nativeInstance();
    }
}
