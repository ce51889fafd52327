package io.modstream.moderation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each case is a text, as the link check sees it once disguises are undone, and the token left of its first one. */
class MacAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "organisiert.ba:51:95:54:d2:c4", // the false alarm: "organisiert. ba:51:…" read as host and port
                "organisiert.ba:d2:95:54:d2:c4", // a second group with a letter first: no port, the same host
                "organisiert.BA:51:95:54:D2:C4",
                "organisiert.ba:51:95", // a time with seconds has three groups too
                "fest.ad::1", // an IPv6 address without brackets
                "ba:51:95:54:d2:c4.es", // "…:d2:c4. es geht": the last group is no first label either
                "fe80::c4.es",
                "ba-51-95-54-d2-c4.es",
                "x.BA-51-95-54-D2-C4",
                "aabb.ccdd.cafe", // Cisco's dotted form, whose last group is a top-level domain
                "aabb.ccdd.eeff.es",
                "organisiert.aabb.ccdd.eeff",
            })
    void aMacAddressIsNeverPartOfAHost(String text) {
        assertThat(withoutMacAddress(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "www.example.com.ba:51:95:54:d2:c4|www.example.com",
                "ba:51:95:54:d2:c4.example.com:8080/x|example.com:8080/x",
                "ba-51-95-54-d2-c4.example.com/x|example.com/x",
                "aabb.ccdd.eeff.example.com|example.com",
                "example.com.aabb.ccdd.eeff|example.com",
            })
    void aHostNextToAMacAddressIsKept(String text, String left) {
        assertThat(withoutMacAddress(text)).isEqualTo(left);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.de:80", // one number after a host is its port
                "evil.de:8080/x",
                "evil.ru:80:81:82", // only a label of hex digits is a group
                "evil.de:80800:1:2", // groups have one to four digits
                "evil.de:80:8x",
                "abcde:12:c4.es",
                "re:ab:c4.es",
                "x:c4.es", // a run has three groups or more
                "ba-51-95-54-d2.es", // five pairs
                "ba-51-95-54-d2-c4-11.es", // seven
                "aabb.ccdd.eef.es",
                "::ffff:192.0.2.10", // an IPv4 address is left whole, inside an IPv6 one too
                "192.0.2.10:80:90:1",
                "http://ba:51:95:54:d2:c4.example.com",
                "[2001:db8::1]:8080",
                "[::1]",
            })
    void everyOtherHostIsLeftAsItIs(String text) {
        Token token = Token.scan(text).get(0);

        assertThat(MacAddresses.withoutMacAddress(text, token)).isEqualTo(token);
    }

    /** What is left of the first token of {@code text}, or null. */
    private static @Nullable String withoutMacAddress(String text) {
        List<Token> tokens = Token.scan(text);
        assertThat(tokens).as(text).isNotEmpty();
        Token left = MacAddresses.withoutMacAddress(text, tokens.get(0));
        return left == null ? null : text.substring(left.start(), left.end());
    }
}
