package io.modstream.ingest.status;

import io.modstream.events.Reason;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a {@link CommentStatus} is kept in the read side's stores: a small binary form, written and read without a JSON
 * parser. Every comment an instance takes is stored once on every instance (and once more with its outcome), so this
 * runs for every comment on the global thread; as JSON it was about half of that thread's time, most of it formatting
 * and parsing the two timestamps (docs/benchmarks.md, issue 12).
 *
 * <p>Layout, big-endian: the format byte {@value #FORMAT}; the status's code; id, site, thread, parent and author name
 * as strings; the count of reasons, then each reason's code and message (strings), start and end (ints); the sanitized
 * text and HTML (strings); submittedAt (seconds as a long, nanos as an int); a byte saying whether decidedAt follows,
 * then it the same way. A string is its UTF-8 length as an int ({@code -1} for null) and its bytes.
 *
 * <p>Stores written before this form hold JSON, which starts with <code>{</code> and is still read, so a state
 * directory kept across the upgrade needs no rebuild.
 */
final class StatusCodec {

    /** The first byte of the binary form; JSON's first byte is always <code>{</code> (0x7B). */
    static final byte FORMAT = 1;

    private static final byte JSON_OBJECT = '{';
    private static final int NULL = -1;

    private final JsonMapper json;

    /** @param json reads statuses stored as JSON before the binary form */
    StatusCodec(JsonMapper json) {
        this.json = json;
    }

    byte[] encode(CommentStatus status) {
        byte[] id = utf8(status.id());
        byte[] siteId = utf8(status.siteId());
        byte[] threadId = utf8(status.threadId());
        byte[] parentId = utf8(status.parentId());
        byte[] authorName = utf8(status.authorName());
        byte[] text = utf8(status.sanitizedText());
        byte[] html = utf8(status.sanitizedHtml());
        List<byte[]> reasonTexts = new ArrayList<>(2 * status.reasons().size());
        for (Reason reason : status.reasons()) {
            reasonTexts.add(utf8(reason.code()));
            reasonTexts.add(utf8(reason.message()));
        }
        int size = 1
                + 1
                + stringSize(id)
                + stringSize(siteId)
                + stringSize(threadId)
                + stringSize(parentId)
                + stringSize(authorName)
                + Integer.BYTES
                + 2 * Integer.BYTES * status.reasons().size()
                + stringSize(text)
                + stringSize(html)
                + Long.BYTES
                + Integer.BYTES
                + 1
                + (status.decidedAt() == null ? 0 : Long.BYTES + Integer.BYTES);
        for (byte[] reasonText : reasonTexts) {
            size += stringSize(reasonText);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT).put(code(status.status()));
        putString(out, id);
        putString(out, siteId);
        putString(out, threadId);
        putString(out, parentId);
        putString(out, authorName);
        out.putInt(status.reasons().size());
        for (int i = 0; i < status.reasons().size(); i++) {
            Reason reason = status.reasons().get(i);
            putString(out, reasonTexts.get(2 * i));
            putString(out, reasonTexts.get(2 * i + 1));
            out.putInt(reason.start()).putInt(reason.end());
        }
        putString(out, text);
        putString(out, html);
        putInstant(out, status.submittedAt());
        Instant decidedAt = status.decidedAt();
        out.put((byte) (decidedAt == null ? 0 : 1));
        if (decidedAt != null) {
            putInstant(out, decidedAt);
        }
        return out.array();
    }

    /**
     * The status stored as {@code stored}, in either form.
     *
     * @throws IllegalArgumentException if it is in neither
     */
    CommentStatus decode(byte[] stored) {
        if (stored.length > 0 && stored[0] == JSON_OBJECT) {
            return json.readValue(stored, CommentStatus.class);
        }
        if (stored.length == 0 || stored[0] != FORMAT) {
            throw new IllegalArgumentException("Not a stored comment status (first byte "
                    + (stored.length == 0 ? "missing" : Integer.toString(stored[0])) + ")");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(stored, 1, stored.length - 1);
            CommentStatus.Status status = status(in.get());
            String id = required(in);
            String siteId = required(in);
            String threadId = required(in);
            String parentId = string(in);
            String authorName = string(in);
            int reasonCount = in.getInt();
            if (reasonCount < 0 || reasonCount > in.remaining()) {
                throw new IllegalArgumentException("Bad reason count " + reasonCount);
            }
            List<Reason> reasons = new ArrayList<>(reasonCount);
            for (int i = 0; i < reasonCount; i++) {
                reasons.add(new Reason(required(in), required(in), in.getInt(), in.getInt()));
            }
            String text = string(in);
            String html = string(in);
            Instant submittedAt = instant(in);
            Instant decidedAt = in.get() == 0 ? null : instant(in);
            return new CommentStatus(
                    id, siteId, threadId, parentId, authorName, status, reasons, text, html, submittedAt, decidedAt);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("A stored comment status ends early", e);
        }
    }

    private static byte code(CommentStatus.Status status) {
        return switch (status) {
            case PENDING -> 0;
            case IN_REVIEW -> 1;
            case APPROVED -> 2;
            case REJECTED -> 3;
        };
    }

    private static CommentStatus.Status status(byte code) {
        return switch (code) {
            case 0 -> CommentStatus.Status.PENDING;
            case 1 -> CommentStatus.Status.IN_REVIEW;
            case 2 -> CommentStatus.Status.APPROVED;
            case 3 -> CommentStatus.Status.REJECTED;
            default -> throw new IllegalArgumentException("Unknown status code " + code);
        };
    }

    private static byte @Nullable [] utf8(@Nullable String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int stringSize(byte @Nullable [] utf8) {
        return Integer.BYTES + (utf8 == null ? 0 : utf8.length);
    }

    private static void putString(ByteBuffer out, byte @Nullable [] utf8) {
        if (utf8 == null) {
            out.putInt(NULL);
        } else {
            out.putInt(utf8.length).put(utf8);
        }
    }

    private static void putInstant(ByteBuffer out, Instant instant) {
        out.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    private static @Nullable String string(ByteBuffer in) {
        int length = in.getInt();
        if (length == NULL) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("Bad string length " + length);
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static String required(ByteBuffer in) {
        String value = string(in);
        if (value == null) {
            throw new IllegalArgumentException("A stored comment status lacks a required string");
        }
        return value;
    }

    private static Instant instant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }
}
