package io.modstream.moderation.policy;

/**
 * The digit groups of one run of digits and separators, read by {@link #read}, and whether they are shaped like a
 * phone number (see {@link Phones} for the shapes). At most {@value #MAX_GROUPS} groups are kept; a longer run is
 * read to its end and is no phone number, so hostile input stays linear.
 *
 * @param end index just past the last digit or closing bracket
 * @param plus whether it began with {@code +}
 * @param bracketedFirst whether the first group is in brackets
 * @param sizes the digit count of each group, {@code count} of them
 * @param count the number of groups, or more than {@value #MAX_GROUPS} when there were too many
 * @param digits the number of digits
 * @param firstDigit the first digit
 * @param separators which separators join the groups: bit 0 space, 1 dash, 2 dot, 3 slash
 * @param firstSeparators which separators join the first three groups
 * @param roundNumber whether it ends in five zeros
 */
record PhoneShape(
        int end,
        boolean plus,
        boolean bracketedFirst,
        int[] sizes,
        int count,
        int digits,
        char firstDigit,
        int separators,
        int firstSeparators,
        boolean roundNumber) {

    static final int MAX_GROUPS = 16;
    /** The fewest digits of a phone number. */
    static final int MIN_DIGITS = 7;

    private static final String SEPARATORS = " -./";
    private static final int SPACE = 1;

    static PhoneShape read(String text, int start) {
        int[] sizes = new int[MAX_GROUPS];
        int count = 0;
        int digits = 0;
        int group = 0;
        int end = start;
        int separators = 0;
        int firstSeparators = 0;
        int pending = 0;
        int run = 0;
        boolean open = false;
        boolean bracketedFirst = false;
        boolean plus = text.charAt(start) == '+';
        char firstDigit = 0;
        for (int i = plus ? start + 1 : start; i < text.length(); i++) {
            char c = text.charAt(i);
            int separator = SEPARATORS.indexOf(c);
            if (Phones.isDigit(c)) {
                if (digits == 0) {
                    firstDigit = c;
                }
                digits++;
                separators |= pending;
                firstSeparators |= count <= 2 ? pending : 0;
                pending = 0;
                run = 0;
                group++;
                end = i + 1;
            } else if (c == '(' && group == 0 && !open) {
                open = true;
                bracketedFirst |= count == 0;
            } else if (c == ')' && open && group > 0) {
                open = false;
                end = i + 1;
            } else if (separator >= 0 && !open && ++run <= 3 && (separator == 0 || (pending & ~SPACE) == 0)) {
                pending |= 1 << separator;
            } else {
                break;
            }
            if (!Phones.isDigit(c) && group > 0) {
                if (count < MAX_GROUPS) {
                    sizes[count] = group;
                }
                count++;
                group = 0;
            }
        }
        if (group > 0) {
            if (count < MAX_GROUPS) {
                sizes[count] = group;
            }
            count++;
        }
        boolean round = end - start >= 5 && text.startsWith("00000", end - 5);
        return new PhoneShape(
                end,
                plus,
                bracketedFirst && !open,
                sizes,
                open ? MAX_GROUPS + 1 : count,
                digits,
                firstDigit,
                separators,
                firstSeparators,
                round);
    }

    boolean isPhone() {
        if (digits < MIN_DIGITS || digits > 15 || count > MAX_GROUPS) {
            return false;
        }
        if (plus) {
            return !bracketedFirst && digits >= 8 && (count == 1 || sizes[0] <= 3);
        }
        if (bracketedFirst) {
            return sizes[0] >= 2 && sizes[0] <= 5 && digits >= 9 && digits <= 12 && smallest(1) >= 3;
        }
        if (count == 1) {
            return !roundNumber && (digits == 10 ? firstDigit != '1' : digits == 11 && firstDigit <= '1');
        }
        return !isDate()
                && (is(3, 3, 4)
                        || (is(1, 3, 3, 4) && firstDigit == '1')
                        || (is(3, 4) && separators == 1 << SEPARATORS.indexOf('-'))
                        || (firstDigit == '0' && digits >= 9 && smallest(0) >= 2 && !isZipPlusFour())
                        || (count >= 7 && count == digits && Integer.bitCount(separators) == 1));
    }

    /** Day, month and year (or year, month, day) joined by dots, dashes or slashes, perhaps with a time after. */
    private boolean isDate() {
        if (count < 3 || (firstSeparators & SPACE) != 0) {
            return false;
        }
        boolean dayFirst = sizes[0] <= 2 && sizes[1] <= 2 && sizes[2] == 4;
        boolean yearFirst = sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2;
        return dayFirst || yearFirst;
    }

    /** A US postal code such as {@code 02110-1301}. */
    private boolean isZipPlusFour() {
        return is(5, 4) && separators == 1 << SEPARATORS.indexOf('-');
    }

    private boolean is(int... expected) {
        if (count != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (sizes[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private int smallest(int from) {
        int smallest = Integer.MAX_VALUE;
        for (int i = from; i < Math.min(count, MAX_GROUPS); i++) {
            smallest = Math.min(smallest, sizes[i]);
        }
        return smallest;
    }
}
