package io.modstream.moderation.authors;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.AuthorActivity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an {@link AuthorState} is stored in the pipeline's {@code authors} store and its changelog: a small binary
 * format, because the author's task reads and writes one state for every comment, and parsing and writing it as JSON
 * (up to ten excerpts and fifty posts) took about a tenth of the stream thread (docs/benchmarks.md).
 *
 * <p>The first byte says the format. {@value #BINARY_V1} is this one; a value that starts with {@code '{'} is the JSON
 * that earlier versions wrote, still read through {@code legacyJson}, so a changelog or a local store written before
 * this format restores as it was. Every value written is {@value #BINARY_V1}.
 *
 * <p>Version 1, in order, big-endian (as {@link java.io.DataOutputStream} writes): the standing, the history, the
 * recent posts. Text is an int length and UTF-8 bytes (-1 for null); an instant is its epoch milliseconds (the JSON
 * form kept milliseconds too); a verdict is its name.
 */
public final class AuthorStateFormat {

    static final byte BINARY_V1 = 1;

    private AuthorStateFormat() {}

    /** The store's serde: writes version 1, reads version 1 and the JSON of earlier versions. */
    public static Serde<AuthorState> serde(JsonMapper legacyJson) {
        Serializer<AuthorState> serializer = (topic, state) -> state == null ? null : write(state);
        Deserializer<AuthorState> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == '{' ? legacyJson.readValue(bytes, AuthorState.class) : read(bytes);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] write(AuthorState state) {
        Output out = new Output(256
                + 256 * state.history().recent().size()
                + 32 * state.recentPosts().size());
        out.writeByte(BINARY_V1);
        AuthorStanding standing = state.standing();
        out.writeLong(standing.revision());
        out.text(standing.siteId());
        out.text(standing.authorId());
        out.writeBoolean(standing.banned());
        out.instant(standing.suspendedUntil());
        out.writeBoolean(standing.premoderated());
        out.writeBoolean(standing.trusted());
        out.text(standing.note());
        out.text(standing.changedBy());
        out.instant(standing.changedAt());

        AuthorHistory history = state.history();
        out.writeLong(history.revision());
        out.text(history.siteId());
        out.text(history.authorId());
        out.writeLong(history.approved());
        out.writeLong(history.rejected());
        out.writeLong(history.held());
        out.writeInt(history.recent().size());
        for (AuthorHistory.Recent recent : history.recent()) {
            out.text(recent.commentId());
            out.text(recent.verdict().name());
            out.instant(recent.at());
            out.text(recent.excerpt());
        }

        out.writeInt(state.recentPosts().size());
        for (AuthorActivity.Post post : state.recentPosts()) {
            out.instant(post.at());
            out.text(post.fingerprint());
        }
        return out.toByteArray();
    }

    static AuthorState read(byte[] bytes) {
        Input in = new Input(bytes);
        byte format = in.readByte();
        if (format != BINARY_V1) {
            throw new IllegalArgumentException("unknown author state format " + format);
        }
        AuthorStanding standing = new AuthorStanding(
                1,
                in.readLong(),
                in.requiredText(),
                in.requiredText(),
                in.readBoolean(),
                in.instant(),
                in.readBoolean(),
                in.readBoolean(),
                in.text(),
                in.text(),
                in.instant());

        long revision = in.readLong();
        String siteId = in.requiredText();
        String authorId = in.requiredText();
        long approved = in.readLong();
        long rejected = in.readLong();
        long held = in.readLong();
        int recentCount = in.count();
        List<AuthorHistory.Recent> recent = new ArrayList<>(recentCount);
        for (int i = 0; i < recentCount; i++) {
            recent.add(new AuthorHistory.Recent(
                    in.requiredText(), Verdict.valueOf(in.requiredText()), in.requiredInstant(), in.requiredText()));
        }
        AuthorHistory history = new AuthorHistory(1, revision, siteId, authorId, approved, rejected, held, recent);

        int postCount = in.count();
        List<AuthorActivity.Post> posts = new ArrayList<>(postCount);
        for (int i = 0; i < postCount; i++) {
            posts.add(new AuthorActivity.Post(in.requiredInstant(), in.requiredText()));
        }
        return new AuthorState(standing, history, posts);
    }

    /**
     * Writes what {@link java.io.DataOutputStream} would (big-endian, booleans as 0 or 1) straight into a growing
     * array: the streams' synchronised single-byte writes were most of this format's cost, once per comment.
     */
    private static final class Output {

        private byte[] buffer;
        private int size;

        Output(int capacity) {
            buffer = new byte[capacity];
        }

        void writeByte(int value) {
            room(1);
            buffer[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            room(Integer.BYTES);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            room(Long.BYTES);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        /** An int length and UTF-8 bytes; -1 for null. */
        void text(@Nullable String text) {
            if (text == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
        }

        /** Whether there is one, then its epoch milliseconds. */
        void instant(@Nullable Instant instant) {
            writeBoolean(instant != null);
            if (instant != null) {
                writeLong(instant.toEpochMilli());
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void room(int bytes) {
            if (size + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
            }
        }
    }

    /** Reads what {@link Output} writes; a value cut short is an {@link IllegalArgumentException}. */
    private static final class Input {

        private final byte[] bytes;
        private int position;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        byte readByte() {
            need(1);
            return bytes[position++];
        }

        boolean readBoolean() {
            return readByte() != 0;
        }

        int readInt() {
            need(Integer.BYTES);
            int value = 0;
            for (int i = 0; i < Integer.BYTES; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        long readLong() {
            need(Long.BYTES);
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (bytes[position++] & 0xFF);
            }
            return value;
        }

        /** A list's length: never more than the bytes left could hold, so a corrupt value cannot ask for gigabytes. */
        int count() {
            int count = readInt();
            if (count < 0 || count > bytes.length - position) {
                throw new IllegalArgumentException("author state cut short");
            }
            return count;
        }

        @Nullable
        String text() {
            int length = readInt();
            if (length < 0) {
                return null;
            }
            if (length > bytes.length - position) {
                throw new IllegalArgumentException("author state cut short");
            }
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        String requiredText() {
            String text = text();
            if (text == null) {
                throw new IllegalArgumentException("author state: a required text is missing");
            }
            return text;
        }

        @Nullable
        Instant instant() {
            return readBoolean() ? Instant.ofEpochMilli(readLong()) : null;
        }

        Instant requiredInstant() {
            Instant instant = instant();
            if (instant == null) {
                throw new IllegalArgumentException("author state: a required time is missing");
            }
            return instant;
        }

        private void need(int count) {
            if (count > bytes.length - position) {
                throw new IllegalArgumentException("author state cut short");
            }
        }
    }
}
