package io.modstream.ingest.webhook;

/**
 * A delivery attempt that failed: the receiver answered other than 2xx, or could not be reached in time. Its message
 * ends up in the dead letter's {@code kafka_exception-message} header, so it names the status or the failure and
 * never the URL's path or query, a secret or a signature.
 */
final class WebhookDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebhookDeliveryException(String message) {
        super(message);
    }

    WebhookDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
