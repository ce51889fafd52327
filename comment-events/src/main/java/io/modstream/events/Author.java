package io.modstream.events;

/**
 * The commenter as the site knows them. {@code id} is the site's own stable identifier; {@code email} and
 * {@code ip} are optional and only sent when a policy needs them.
 */
public record Author(String id, String name, String email, String ip) {}
