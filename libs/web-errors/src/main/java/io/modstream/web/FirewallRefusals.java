package io.modstream.web;

/**
 * The {@code detail} of both services' 400 for a request Spring Security's strict firewall refuses: the firewall's
 * reason, minus the refused header's value, which the firewall quotes whole. That value may be a site's API key or a
 * moderator's password or token ({@code Authorization}), and an answer is no place to repeat a secret.
 */
public final class FirewallRefusals {

    private FirewallRefusals() {}

    /** {@code reason} (the refusal's message) as a sentence, naming a refused header but not its value. */
    public static String detail(String reason) {
        int value = reason.indexOf(" has a value ");
        return value < 0
                ? reason + "."
                : reason.substring(0, value) + " has a value with a control character or an unassigned code point.";
    }
}
