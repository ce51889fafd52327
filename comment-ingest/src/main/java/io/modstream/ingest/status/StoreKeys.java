package io.modstream.ingest.status;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;

/**
 * The byte layout of the read side's stores. Each store holds several kinds of entry, told apart by the first byte,
 * so that one store (one source topic) can answer a point read, a range scan in a thread's order and a scan by age:
 *
 * <ul>
 *   <li>{@code s | commentId} &rarr; the comment's status;
 *   <li>{@code t | submittedAt (8 bytes, big-endian) | commentId} &rarr; nothing: the age index the purge scans;
 *   <li>{@code f | thread | approvedAt (8 bytes, big-endian) | commentId} &rarr; the approved comment (approved store
 *       only): a range over {@code f | thread} lists a thread oldest first, a reverse range newest first;
 *   <li>{@code c | thread} &rarr; how many feed entries the thread has (8 bytes);
 *   <li>{@code o | partition (4 bytes)} &rarr; the next offset of that partition of the source topic, once applied.
 * </ul>
 *
 * <p>A thread is {@code siteLength (2 bytes) | site | threadLength (2 bytes) | thread} in UTF-8: no site or thread id
 * can be a prefix of another's key, whatever characters it holds. Big-endian times of epoch milliseconds after 1970 sort
 * as numbers do.
 */
final class StoreKeys {

    static final byte STATUS = 's';
    static final byte AGE = 't';
    static final byte FEED = 'f';
    static final byte COUNT = 'c';
    static final byte OFFSET = 'o';

    private StoreKeys() {}

    static Bytes status(String commentId) {
        byte[] id = utf8(commentId);
        return Bytes.wrap(ByteBuffer.allocate(1 + id.length).put(STATUS).put(id).array());
    }

    static Bytes age(Instant submittedAt, String commentId) {
        byte[] id = utf8(commentId);
        return Bytes.wrap(ByteBuffer.allocate(9 + id.length)
                .put(AGE)
                .putLong(submittedAt.toEpochMilli())
                .put(id)
                .array());
    }

    /** Every age key of a comment submitted before {@code millis} sorts at or below this one. */
    static Bytes ageBefore(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(9).put(AGE).putLong(millis).array());
    }

    static Bytes ageFrom() {
        return Bytes.wrap(new byte[] {AGE});
    }

    /** The comment id of an age key. */
    static String commentIdOfAge(Bytes ageKey) {
        byte[] key = ageKey.get();
        return new String(key, 9, key.length - 9, StandardCharsets.UTF_8);
    }

    static Bytes feed(String siteId, String threadId, long approvedAt, String commentId) {
        byte[] thread = thread(FEED, siteId, threadId);
        byte[] id = utf8(commentId);
        return Bytes.wrap(ByteBuffer.allocate(thread.length + 8 + id.length)
                .put(thread)
                .putLong(approvedAt)
                .put(id)
                .array());
    }

    /** Every feed key of the thread starts with this. */
    static Bytes feedOf(String siteId, String threadId) {
        return Bytes.wrap(thread(FEED, siteId, threadId));
    }

    /** The smallest key after every feed key of the thread. */
    static Bytes feedEnd(String siteId, String threadId) {
        return Bytes.increment(feedOf(siteId, threadId));
    }

    /** The smallest key after {@code key}. */
    static Bytes after(Bytes key) {
        byte[] bytes = key.get();
        return Bytes.wrap(
                ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) 0).array());
    }

    static Bytes count(String siteId, String threadId) {
        return Bytes.wrap(thread(COUNT, siteId, threadId));
    }

    static Bytes offset(int partition) {
        return Bytes.wrap(ByteBuffer.allocate(5).put(OFFSET).putInt(partition).array());
    }

    static byte[] longValue(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long longOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }

    private static byte[] thread(byte kind, String siteId, String threadId) {
        byte[] site = utf8(siteId);
        byte[] thread = utf8(threadId);
        return ByteBuffer.allocate(5 + site.length + thread.length)
                .put(kind)
                .putShort((short) site.length)
                .put(site)
                .putShort((short) thread.length)
                .put(thread)
                .array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
