package io.modstream.events;

/**
 * Why a check fired, pointing at the text that triggered it.
 *
 * @param code a stable machine-readable code such as {@code LINK}; see {@link ReasonCodes}
 * @param message a sentence a commenter can read
 * @param start index of the first UTF-16 char of the trigger in the original body
 * @param end index just past the trigger in the original body ({@code start <= end})
 */
public record Reason(String code, String message, int start, int end) {}
