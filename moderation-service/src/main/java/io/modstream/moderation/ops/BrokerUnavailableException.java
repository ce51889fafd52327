package io.modstream.moderation.ops;

import org.jspecify.annotations.Nullable;

/** The broker did not answer an operator's question in time; the page shows the message and tries again. */
class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BrokerUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
