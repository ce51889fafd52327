package io.modstream.moderation.authors;

import io.modstream.events.Verdict;
import io.modstream.moderation.policy.AuthorActivity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Version 1, in order, big-endian ({@link DataOutputStream}): the standing, the history, the recent posts. Text is
 * an int length and UTF-8 bytes (-1 for null); an instant is its epoch milliseconds (the JSON form kept milliseconds
 * too); a verdict is its name.
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
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(256 + 256 * state.history().recent().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BINARY_V1);
            AuthorStanding standing = state.standing();
            out.writeLong(standing.revision());
            text(out, standing.siteId());
            text(out, standing.authorId());
            out.writeBoolean(standing.banned());
            instant(out, standing.suspendedUntil());
            out.writeBoolean(standing.premoderated());
            out.writeBoolean(standing.trusted());
            text(out, standing.note());
            text(out, standing.changedBy());
            instant(out, standing.changedAt());

            AuthorHistory history = state.history();
            out.writeLong(history.revision());
            text(out, history.siteId());
            text(out, history.authorId());
            out.writeLong(history.approved());
            out.writeLong(history.rejected());
            out.writeLong(history.held());
            out.writeInt(history.recent().size());
            for (AuthorHistory.Recent recent : history.recent()) {
                text(out, recent.commentId());
                text(out, recent.verdict().name());
                instant(out, recent.at());
                text(out, recent.excerpt());
            }

            out.writeInt(state.recentPosts().size());
            for (AuthorActivity.Post post : state.recentPosts()) {
                instant(out, post.at());
                text(out, post.fingerprint());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    static AuthorState read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != BINARY_V1) {
                throw new IllegalArgumentException("unknown author state format " + format);
            }
            AuthorStanding standing = new AuthorStanding(
                    1,
                    in.readLong(),
                    requiredText(in),
                    requiredText(in),
                    in.readBoolean(),
                    instant(in),
                    in.readBoolean(),
                    in.readBoolean(),
                    text(in),
                    text(in),
                    instant(in));

            long revision = in.readLong();
            String siteId = requiredText(in);
            String authorId = requiredText(in);
            long approved = in.readLong();
            long rejected = in.readLong();
            long held = in.readLong();
            int recentCount = in.readInt();
            List<AuthorHistory.Recent> recent = new ArrayList<>(recentCount);
            for (int i = 0; i < recentCount; i++) {
                recent.add(new AuthorHistory.Recent(
                        requiredText(in), Verdict.valueOf(requiredText(in)), requiredInstant(in), requiredText(in)));
            }
            AuthorHistory history = new AuthorHistory(1, revision, siteId, authorId, approved, rejected, held, recent);

            int postCount = in.readInt();
            List<AuthorActivity.Post> posts = new ArrayList<>(postCount);
            for (int i = 0; i < postCount; i++) {
                posts.add(new AuthorActivity.Post(requiredInstant(in), requiredText(in)));
            }
            return new AuthorState(standing, history, posts);
        } catch (IOException e) {
            throw new IllegalArgumentException("author state cut short", e);
        }
    }

    private static void text(DataOutputStream out, @Nullable String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static @Nullable String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IllegalArgumentException("author state cut short");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String requiredText(DataInputStream in) throws IOException {
        String text = text(in);
        if (text == null) {
            throw new IllegalArgumentException("author state: a required text is missing");
        }
        return text;
    }

    private static void instant(DataOutputStream out, @Nullable Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.toEpochMilli());
        }
    }

    private static @Nullable Instant instant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
    }

    private static Instant requiredInstant(DataInputStream in) throws IOException {
        Instant instant = instant(in);
        if (instant == null) {
            throw new IllegalArgumentException("author state: a required time is missing");
        }
        return instant;
    }
}
