package io.modstream.ingest.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs one event to a callback, signed, and returns only if the receiver answered 2xx; anything else throws
 * {@link WebhookDeliveryException}. Redirects are not followed (a 3xx is a failure), so a receiver cannot send the
 * request elsewhere. Every attempt is bounded by the timeout. Thread-safe.
 */
final class WebhookSender {

    static final String EVENT_ID_HEADER = "Modstream-Event-Id";
    static final String SIGNATURE_HEADER = "Modstream-Signature";
    static final String USER_AGENT = "Modstream-Webhooks/1";

    private final HttpClient http;
    private final Duration timeout;
    private final CallbackUrls urls;
    private final Clock clock;

    WebhookSender(Duration timeout, CallbackUrls urls, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.urls = urls;
        this.clock = clock;
    }

    void send(URI url, String secret, String eventId, byte[] body) throws InterruptedException {
        try {
            urls.checkResolved(url);
        } catch (UnknownHostException e) {
            throw new WebhookDeliveryException("the callback host " + url.getHost() + " does not resolve", e);
        }
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_ID_HEADER, eventId)
                .header(SIGNATURE_HEADER, WebhookSigner.signatureHeader(secret, now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new WebhookDeliveryException("no answer from " + url.getHost() + " within " + timeout, e);
        } catch (IOException e) {
            throw new WebhookDeliveryException("could not reach " + url.getHost() + ": " + e, e);
        }
        if (status < 200 || status > 299) {
            throw new WebhookDeliveryException(url.getHost() + " answered HTTP " + status);
        }
    }
}
