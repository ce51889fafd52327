package io.modstream.events;

/** The reason codes produced so far. Codes are stable: clients may switch on them. */
public final class ReasonCodes {

    /** A link to another website: a URL, a {@code www.} address or a bare domain. */
    public static final String LINK = "LINK";

    private ReasonCodes() {}
}
