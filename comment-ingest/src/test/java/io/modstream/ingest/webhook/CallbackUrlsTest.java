package io.modstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlsTest {

    private final CallbackUrls production = new CallbackUrls(false, false);
    private final CallbackUrls local = new CallbackUrls(true, true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hooks.example.com/modstream",
                "https://hooks.example.com:8443/a?token=x",
                "https://93.184.215.14/hook",
                "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"
            })
    void publicHttpsUrlsAreAccepted(String url) {
        assertThat(production.problem(url)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://hooks.example.com/a         | must be an https URL",
                "ftp://hooks.example.com/a          | must be an https URL",
                "hooks.example.com/a                | must be an https URL",
                "https://exa mple.com/              | must be a valid URL",
                "https://u:p@hooks.example.com/     | must not contain a user name or password",
                "https://hooks.example.com/#x       | must not contain a fragment",
                "https://127.0.0.1/                 | must not point to a private, loopback or link-local address",
                "https://localhost/                 | must not point to a private, loopback or link-local address",
                "https://api.localhost/             | must not point to a private, loopback or link-local address",
                "https://192.168.1.10/              | must not point to a private, loopback or link-local address",
                "https://100.64.0.1/                | must not point to a private, loopback or link-local address",
                "https://0.0.0.0/                   | must not point to a private, loopback or link-local address",
                "https://[fd00::1]/                 | must not point to a private, loopback or link-local address",
                "https://[::ffff:10.0.0.1]/         | must not point to a private, loopback or link-local address"
            })
    void productionRefuses(String url, String problem) {
        assertThat(production.problem(url)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/hook", "http://localhost/hook", "https://10.0.0.7/hook"})
    void localDevelopmentMayCallItsOwnMachine(String url) {
        assertThat(local.problem(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "169.254.169.254", "::1", "fe80::1", "fc00::1"})
    void nonPublicAddresses(String address) throws Exception {
        assertThat(CallbackUrls.isPublic(InetAddress.getByName(address))).isFalse();
    }
}
