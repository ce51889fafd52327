package io.modstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lanes take a plain path as it is instead of parsing it; that must give what Reactor Netty's {@code fullPath()}
 * gives, the path of the URI, and anything not plain must go to the parser.
 */
class NettyLanesPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/comments", "/api/v1/comments/c-0a1B_2.x", "/a", "//x", "/a/./b", "/a/../b"})
    void aPlainPathIsItsOwnPath(String uri) {
        assertThat(NettyLanes.isPlainPath(uri)).isTrue();
        assertThat(URI.create("http://localhost:8080" + uri).getPath()).isEqualTo(uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/comments?x=1",
                "/api/v1/comments#f",
                "/api/v1/comments/a%20b",
                "/api/v1/comments/",
                "/",
                "",
                "api/v1/comments",
                "/api/v1/comments/é",
                "/api/v1/comments;jsessionid=1",
                "/a+b"
            })
    void anythingElseIsLeftToTheParser(String uri) {
        assertThat(NettyLanes.isPlainPath(uri)).isFalse();
    }
}
