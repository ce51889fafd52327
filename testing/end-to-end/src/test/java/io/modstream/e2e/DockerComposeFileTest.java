package io.modstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on every machine (it needs a Docker engine), so these checks keep it in step with
 * what it wires together: the services' own application.yml, the listeners its Kafka declares, and the Kafka version
 * the local broker uses.
 */
class DockerComposeFileTest {

    private static final String KAFKA = "kafka";
    private static final Pattern LISTENER = Pattern.compile("([A-Z_]+)://([^:,]*):(\\d+)");

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        services = map(readYaml(root.resolve("docker-compose.yml")).get("services"), "services");
    }

    @Test
    void kafkaRunsTheOfficialImageAtTheLocalBrokersVersion() throws IOException {
        String pom = Files.readString(root.resolve("local/kafka/pom.xml"));
        Matcher version =
                Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>").matcher(pom);
        assertThat(version.find())
                .as("local/kafka/pom.xml declares kafka.version")
                .isTrue();

        assertThat(service(KAFKA).get("image")).isEqualTo("apache/kafka:" + version.group(1));
    }

    @Test
    void kafkaIsConfiguredForASingleBroker() {
        Map<String, String> env = environment(KAFKA);

        assertThat(env)
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .as("the single controller votes for itself on a declared listener port")
                .matches("1@" + KAFKA + ":\\d+");
        String controllerPort = env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").replaceAll(".*:", "");
        assertThat(listeners(env, "KAFKA_LISTENERS")).containsValue(controllerPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void publishedPortMatchesServerPort(String name) throws IOException {
        String serverPort = String.valueOf(applicationProperty(name, "server", "port"));

        assertThat(publishedPorts(name))
                .as("%s publishes server.port %s on the same host port", name, serverPort)
                .containsEntry(serverPort, serverPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void bootstrapServersNameTheKafkaServiceOnAnAdvertisedListener(String name) {
        String bootstrap = environment(name).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).as("%s sets SPRING_KAFKA_BOOTSTRAP_SERVERS", name).isNotBlank();
        String[] hostAndPort = bootstrap.split(":");

        assertThat(hostAndPort[0]).as("broker host seen from %s", name).isEqualTo(KAFKA);
        Map<String, String> kafka = environment(KAFKA);
        String listener = listenerNamed(kafka, "KAFKA_LISTENERS", hostAndPort[1]);
        assertThat(listener)
                .as("Kafka listens on port %s that %s connects to", hostAndPort[1], name)
                .isNotNull();
        // After the first request a client only uses the advertised address, so it must be the same one.
        assertThat(advertised(kafka).get(listener))
                .as("address Kafka advertises on listener %s", listener)
                .isEqualTo(bootstrap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void defaultBootstrapServersReachComposeKafkaFromTheHost(String name) throws IOException {
        // An IDE run of a service uses application.yml's default against the Kafka started by compose.
        String bootstrap = String.valueOf(applicationProperty(name, "spring", "kafka", "bootstrap-servers"));
        String port = bootstrap.replaceAll(".*:", "");

        assertThat(publishedPorts(KAFKA)).containsEntry(port, port);
        Map<String, String> kafka = environment(KAFKA);
        String listener = listenerNamed(kafka, "KAFKA_LISTENERS", port);
        assertThat(listener).as("Kafka listens on published port %s", port).isNotNull();
        assertThat(advertised(kafka).get(listener)).isEqualTo(bootstrap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void serviceRunsTheLocalProfile(String name) {
        assertThat(environment(name)).containsEntry("SPRING_PROFILES_ACTIVE", "local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void serviceIsBuiltFromItsOwnDockerfile(String name) throws IOException {
        Object build = service(name).get("build");
        String context =
                build instanceof Map<?, ?> buildMap ? String.valueOf(buildMap.get("context")) : String.valueOf(build);
        Path dockerfile = root.resolve(context).normalize().resolve("Dockerfile");

        assertThat(dockerfile).exists();
        assertThat(Files.readString(dockerfile))
                .contains("target/" + name + "-")
                .contains("EXPOSE " + applicationProperty(name, "server", "port"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void serviceStartsOnceKafkaIsHealthy(String name) {
        Map<String, Object> dependsOn = map(service(name).get("depends_on"), name + ".depends_on");

        assertThat(map(dependsOn.get(KAFKA), name + ".depends_on.kafka")).containsEntry("condition", "service_healthy");
    }

    @Test
    void kafkaHealthCheckAsksTheBroker() {
        assertThat(healthCheck(KAFKA)).contains("kafka-broker-api-versions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"comment-ingest", "moderation-service"})
    void serviceHealthCheckAsksActuatorOnServerPort(String name) throws IOException {
        assertThat(healthCheck(name))
                .contains("/actuator/health")
                .contains(String.valueOf(applicationProperty(name, "server", "port")))
                .contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusScrapesBothServicesWhereTheyServeMetrics() throws IOException {
        Map<String, Object> config = readYaml(root.resolve("monitoring/prometheus.yml"));
        List<?> jobs = (List<?>) config.get("scrape_configs");
        Map<String, String> targets = new LinkedHashMap<>();
        for (Object job : jobs) {
            Map<String, Object> scrape = map(job, "scrape_config");
            assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<?> staticConfigs = (List<?>) scrape.get("static_configs");
            List<?> hosts = (List<?>) map(staticConfigs.get(0), "static_config").get("targets");
            targets.put(String.valueOf(scrape.get("job_name")), String.valueOf(hosts.get(0)));
        }
        for (String name : List.of("comment-ingest", "moderation-service")) {
            assertThat(services).containsKey(name);
            assertThat(targets)
                    .containsEntry(name, name + ":" + applicationProperty(name, "server", "port"))
                    .as("%s exposes the prometheus endpoint", name);
            assertThat(String.valueOf(
                            applicationProperty(name, "management", "endpoints", "web", "exposure", "include")))
                    .contains("prometheus");
        }
        assertThat(volumesOf("prometheus"))
                .anyMatch(volume -> volume.startsWith("./monitoring/prometheus.yml:"))
                .anyMatch(volume -> volume.startsWith("./monitoring/alerts.yml:"));
    }

    /**
     * Every modstream metric the dashboard and the alerts query is one the services define: a renamed metric would
     * otherwise leave an empty panel or an alert that can never fire.
     */
    @Test
    void dashboardAndAlertsQueryOnlyMetricsTheServicesDefine() throws IOException {
        String defined = Files.readString(
                        root.resolve(
                                "moderation-service/src/main/java/io/modstream/moderation/observability/ModerationMetrics.java"))
                + Files.readString(root.resolve(
                        "moderation-service/src/main/java/io/modstream/moderation/observability/ConsumerLag.java"))
                + Files.readString(root.resolve(
                        "moderation-service/src/main/java/io/modstream/moderation/observability/QueueGauges.java"))
                + Files.readString(root.resolve(
                        "comment-ingest/src/main/java/io/modstream/ingest/observability/IngestMetrics.java"));
        String queries = Files.readString(root.resolve("monitoring/grafana/dashboards/modstream.json"))
                + Files.readString(root.resolve("monitoring/alerts.yml"));
        Matcher metric = Pattern.compile("modstream_[a-z_]+").matcher(queries);
        List<String> used = new ArrayList<>();
        while (metric.find()) {
            used.add(metric.group());
        }
        assertThat(used).isNotEmpty();
        for (String name : used) {
            // modstream_comments_moderated_total is "modstream.comments.moderated" in code, plus Prometheus suffixes.
            String base = name.replaceAll("_(total|bucket|seconds|records)$", "")
                    .replaceAll("_(total|bucket|seconds|records)$", "");
            assertThat(defined).as("metric %s is defined", name).contains("\"" + base.replace('_', '.') + "\"");
        }
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboard() throws IOException {
        assertThat(volumesOf("grafana"))
                .contains("./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro")
                .contains("./monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        String datasource =
                Files.readString(root.resolve("monitoring/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("url: http://prometheus:9090").contains("uid: prometheus");
        String provider = Files.readString(root.resolve("monitoring/grafana/provisioning/dashboards/modstream.yml"));
        assertThat(provider).contains("path: /var/lib/grafana/dashboards");
        Map<String, Object> dashboard = readYaml(root.resolve("monitoring/grafana/dashboards/modstream.json"));
        assertThat(dashboard.get("uid")).isEqualTo("modstream");
        assertThat((List<?>) dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void kafkaUiReadsTheInternalListener() {
        Map<String, String> env = environment("kafka-ui");
        Map<String, String> kafka = environment(KAFKA);
        String internal = advertised(kafka).get(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
        assertThat(env).containsEntry("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", internal);
    }

    private static List<String> volumesOf(String name) {
        Object volumes = service(name).get("volumes");
        List<String> result = new ArrayList<>();
        if (volumes instanceof List<?> list) {
            list.forEach(volume -> result.add(String.valueOf(volume)));
        }
        return result;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No folder with docker-compose.yml and mvnw above "
                + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> readYaml(Path file) throws IOException {
        assertThat(file).exists();
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader), file.toString());
        }
    }

    private static Object applicationProperty(String service, String... keys) throws IOException {
        Object value = readYaml(root.resolve(service + "/src/main/resources/application.yml"));
        for (String key : keys) {
            value = map(value, service + " application.yml").get(key);
        }
        assertThat(value)
                .as("%s application.yml sets %s", service, String.join(".", keys))
                .isNotNull();
        return value;
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    /** Compose accepts both a map and a list of KEY=value. */
    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] keyAndValue = String.valueOf(entry).split("=", 2);
                result.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : "");
            }
        }
        return result;
    }

    /** Host port to container port, from short ("127.0.0.1:8080:8080", "8080:8080") and long syntax. */
    private static Map<String, String> publishedPorts(String name) {
        Object ports = service(name).get("ports");
        Map<String, String> result = new LinkedHashMap<>();
        if (ports instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> longSyntax) {
                    result.put(String.valueOf(longSyntax.get("published")), String.valueOf(longSyntax.get("target")));
                } else {
                    String[] parts =
                            String.valueOf(port).replaceAll("/tcp$", "").split(":");
                    String target = parts[parts.length - 1];
                    result.put(parts.length > 1 ? parts[parts.length - 2] : target, target);
                }
            }
        }
        return result;
    }

    /** Listener name to port, e.g. INTERNAL://0.0.0.0:19092 gives INTERNAL=19092. */
    private static Map<String, String> listeners(Map<String, String> env, String variable) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher matcher = LISTENER.matcher(env.getOrDefault(variable, ""));
        while (matcher.find()) {
            result.put(matcher.group(1), matcher.group(3));
        }
        return result;
    }

    private static String listenerNamed(Map<String, String> env, String variable, String port) {
        return listeners(env, variable).entrySet().stream()
                .filter(entry -> entry.getValue().equals(port))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** Listener name to the host:port it advertises. */
    private static Map<String, String> advertised(Map<String, String> env) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher matcher = LISTENER.matcher(env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
        while (matcher.find()) {
            result.put(matcher.group(1), matcher.group(2) + ":" + matcher.group(3));
        }
        return result;
    }

    private static String healthCheck(String name) {
        Map<String, Object> healthCheck = map(service(name).get("healthcheck"), name + ".healthcheck");
        Object test = healthCheck.get("test");
        if (test instanceof String shellForm) {
            assertThat(shellForm).as("%s health check command", name).isNotBlank();
            return shellForm;
        }
        List<String> parts = new ArrayList<>();
        if (test instanceof List<?> list) {
            list.forEach(part -> parts.add(String.valueOf(part)));
        }
        assertThat(parts).as("%s health check command", name).hasSizeGreaterThan(1);
        // ["NONE"] would switch the image's check off instead of running one.
        assertThat(parts.get(0)).as("%s health check runs a command", name).isIn("CMD", "CMD-SHELL");
        return String.join(" ", parts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
