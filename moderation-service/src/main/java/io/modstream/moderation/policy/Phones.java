package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds phone numbers in one pass. A candidate is a run of digit groups joined by one space, dash, dot or slash (and
 * spaces), with an optional {@code +} in front and one group in brackets; it is a phone number when it has 7 to 15
 * digits and one of these shapes:
 *
 * <ul>
 *   <li>international, {@code +44 20 7946 0958}, {@code +1 (555) 123-4567}, {@code +15551234567}: at least eight
 *       digits, the first group (the country code) of one to three digits unless the number is all one group;
 *   <li>an area code in brackets, {@code (555) 123-4567}, {@code (020) 7946 0958}, with nine to twelve digits;
 *   <li>North American, {@code 555-123-4567}, {@code 555.123.4567}, {@code 1-800-555-0199}, and {@code 555-1234};
 *   <li>national with a trunk zero, {@code 020 7946 0958}, {@code 06 12 34 56 78}, or an international prefix,
 *       {@code 0044 20 7946 0958}: nine digits or more in groups of two or more (but not a US ZIP+4 code,
 *       {@code 02110-1301});
 *   <li>ten digits in one piece not starting with 1, {@code 5551234567}, or eleven starting with 0 or 1, unless
 *       they end in five zeros (a round number);
 *   <li>seven or more single digits spaced out, {@code 5 5 5 1 2 3 4}.
 * </ul>
 *
 * Not phone numbers: dates ({@code 2024-01-15}, {@code 15.01.2024 10.30}), times, scores, years and ranges of years,
 * version numbers, IP addresses, thousands written with separators ({@code 1 000 000}, {@code 1,000,000}), numbers
 * after a currency sign, {@code #} or "ISBN", numbers in a URL's path or query, and numbers glued to letters or
 * followed by {@code %}. Stateless.
 */
final class Phones {

    /** A phone number in the folded text. */
    record Span(int start, int end) {}

    private Phones() {}

    static List<Span> find(String text) {
        if (!hasDigits(text, PhoneShape.MIN_DIGITS)) {
            return List.of(); // most comments: counting digits is cheaper than reading each for a number's start
        }
        List<Span> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean opens = (c == '+' || c == '(') && i + 1 < text.length() && isDigit(text.charAt(i + 1));
            if (!isDigit(c) && !opens) {
                i++;
                continue;
            }
            PhoneShape shape = PhoneShape.read(text, i);
            int start = i;
            if (c == '(' && !shape.isPhone()) {
                start = i + 1; // "(555-123-4567)": the bracket is not an area code's
                shape = PhoneShape.read(text, start);
            }
            if (shape.isPhone() && isAlone(text, start, shape.end())) {
                found.add(new Span(start, shape.end()));
            }
            i = Math.max(start + 1, shape.end());
        }
        return found;
    }

    /** Whether {@code text} has at least {@code count} digits. */
    private static boolean hasDigits(String text, int count) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < count; i++) {
            digits += isDigit(text.charAt(i)) ? 1 : 0;
        }
        return digits >= count;
    }

    /** Whether nothing glued to the number makes it a quantity, a code or part of a word. */
    private static boolean isAlone(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char beforeSpace = before == ' ' && start > 1 ? text.charAt(start - 2) : before;
        if (Character.isLetterOrDigit(before) || "/=?&_".indexOf(before) >= 0 || "$€£¥#".indexOf(beforeSpace) >= 0) {
            return false;
        }
        if ((before == '.' || before == ',') && start > 1 && isDigit(text.charAt(start - 2))) {
            return false;
        }
        String lead = text.substring(Math.max(0, start - 6), start).toLowerCase(Locale.ROOT);
        if (lead.contains("isbn")) {
            return false;
        }
        char after = end < text.length() ? text.charAt(end) : ' ';
        return !Character.isLetterOrDigit(after) && after != '%';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
