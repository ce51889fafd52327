package io.modstream.moderation.pipeline;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON values of one type, with the service's mapper. Null is a tombstone both ways. Used for the pipeline's own
 * topics and stores, whose every record this code wrote; records from outside are read as bytes and checked first
 * ({@link Readable}), so a bad one never fails deserialisation inside Kafka Streams.
 */
final class JsonSerde {

    private JsonSerde() {}

    static <T> Serde<T> of(Class<T> type, JsonMapper json) {
        // A reader and a writer bound to the type once, rather than the type looked up for every record.
        ObjectWriter writer = json.writerFor(type);
        ObjectReader reader = json.readerFor(type);
        Serializer<T> serializer = (topic, value) -> value == null ? null : writer.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : reader.readValue(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
