package io.modstream.testing.kafka;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The broker integration tests run against, started once per JVM and stopped when the JVM exits.
 *
 * <p>Which broker is chosen by the system property or environment variable {@value #MODE_PROPERTY}
 * ({@code MODSTREAM_TEST_BROKER}): {@code auto} (default) uses a container when a Docker engine answers and the
 * in-process broker otherwise; {@code container} insists on the container and fails loudly without Docker;
 * {@code embedded} always uses the in-process broker. The choice is logged.
 *
 * <p>Both brokers are configured alike: one node, transactions possible (replication factor 1 for the internal
 * topics), no automatic topic creation, and timed-out transactions cleaned up every second so that tests which
 * abandon a transaction see it aborted quickly. Thread-safe.
 */
public final class KafkaTestBroker {

    public static final String MODE_PROPERTY = "modstream.test.broker";

    /** Matches the Kafka version spring-kafka-test brings, so both modes run the same broker code. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static final Logger log = LoggerFactory.getLogger(KafkaTestBroker.class);

    /** Broker settings both modes share; the container takes them as KAFKA_* environment variables. */
    static final Map<String, String> BROKER_SETTINGS = Map.of(
            "auto.create.topics.enable", "false",
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000",
            "group.initial.rebalance.delay.ms", "0");

    private static volatile String bootstrapServers;

    private KafkaTestBroker() {}

    /** Starts the broker on first use and answers its bootstrap address, e.g. {@code localhost:40123}. */
    public static String bootstrapServers() {
        String servers = bootstrapServers;
        if (servers == null) {
            synchronized (KafkaTestBroker.class) {
                servers = bootstrapServers;
                if (servers == null) {
                    servers = start(Mode.resolve(setting()));
                    bootstrapServers = servers;
                }
            }
        }
        return servers;
    }

    private static String setting() {
        String fromProperty = System.getProperty(MODE_PROPERTY);
        return fromProperty != null ? fromProperty : System.getenv("MODSTREAM_TEST_BROKER");
    }

    private static String start(Mode mode) {
        if (mode == Mode.CONTAINER) {
            return startContainer();
        }
        return startEmbedded();
    }

    private static String startContainer() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(MODE_PROPERTY + "=container, but no Docker engine answers");
        }
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        BROKER_SETTINGS.forEach((key, value) -> container.withEnv(environmentName(key), value));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-test-broker-stop"));
        log.info("Kafka test broker: Testcontainers {} at {}", KAFKA_IMAGE, container.getBootstrapServers());
        return container.getBootstrapServers();
    }

    private static String startEmbedded() {
        // NOT LOOPBACK-ONLY, known and not mended: Kafka's test kit, under spring-kafka-test's broker, binds its
        // listeners to the wildcard address (PreboundSocketFactoryManager binds new InetSocketAddress(port)), and no
        // setting changes that. The services' test servers do listen on loopback only (server.address in their test
        // configuration, checked by LoopbackOnly); this broker would need replacing to do the same.
        // The embedded broker insists on publishing its address in a system property; give it one nobody reads.
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerListProperty("modstream.test.kafka.unused-bootstrap-servers");
        broker.brokerProperties(BROKER_SETTINGS);
        broker.afterPropertiesSet();
        System.clearProperty("modstream.test.kafka.unused-bootstrap-servers");
        System.clearProperty("spring.embedded.kafka.brokers");
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
        log.info("Kafka test broker: in-process KRaft broker (spring-kafka-test) at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    static String environmentName(String brokerSetting) {
        return "KAFKA_" + brokerSetting.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /** How the broker is chosen. */
    enum Mode {
        CONTAINER,
        EMBEDDED;

        static Mode resolve(String setting) {
            String value = Objects.requireNonNullElse(setting, "auto").trim().toLowerCase(java.util.Locale.ROOT);
            return switch (value) {
                case "auto", "" -> DockerClientFactory.instance().isDockerAvailable() ? CONTAINER : EMBEDDED;
                case "container" -> CONTAINER;
                case "embedded" -> EMBEDDED;
                default ->
                    throw new IllegalArgumentException(
                            MODE_PROPERTY + " must be auto, container or embedded, not '" + setting + "'");
            };
        }
    }
}
