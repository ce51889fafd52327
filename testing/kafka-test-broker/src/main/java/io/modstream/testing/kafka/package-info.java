/**
 * One real Kafka broker for the tests of a JVM: Testcontainers' Kafka container where a Docker engine answers,
 * otherwise spring-kafka-test's in-process KRaft broker. Tests get the bootstrap address from
 * {@link io.modstream.testing.kafka.KafkaTestBroker#bootstrapServers()}, or, for a Spring test context, by the
 * annotation {@link io.modstream.testing.kafka.UseKafkaTestBroker}; either way they ask for it explicitly: nothing is
 * put in JVM-wide system properties that a forgetful test could pick up by accident.
 */
package io.modstream.testing.kafka;
