package io.modstream.events;

/** The reason codes moderation can give. Codes are stable: clients may switch on them. */
public final class ReasonCodes {

    /** A link to another website: a URL, a {@code www.} address, a bare or obfuscated domain, an IP address. */
    public static final String LINK = "LINK";

    /** An e-mail address. */
    public static final String EMAIL = "EMAIL";

    /** Markup that was removed: tags outside the site's safelist, scripts, styles, event handlers. */
    public static final String MARKUP = "MARKUP";

    /** A term on the site's banned list. */
    public static final String BANNED_TERM = "BANNED_TERM";

    /** A term on the site's suspect list, held for a human to judge. */
    public static final String SUSPECT_TERM = "SUSPECT_TERM";

    /** Text matching a pattern the site's admin wrote. */
    public static final String PATTERN = "PATTERN";

    /** Spam signals: runs of repeated characters, shouting, too many mentions or emoji. */
    public static final String SPAM = "SPAM";

    /** The same text posted again by the same author within the site's window. */
    public static final String DUPLICATE = "DUPLICATE";

    /** One author posting faster than the site allows. */
    public static final String FLOOD = "FLOOD";

    /** Personal data such as a phone number. */
    public static final String PII = "PII";

    /** Invisible, direction-changing or control characters, or piles of combining marks. */
    public static final String UNICODE = "UNICODE";

    /** Too short or too long. */
    public static final String LENGTH = "LENGTH";

    /** The author is banned from the site. */
    public static final String AUTHOR_BANNED = "AUTHOR_BANNED";

    /** The author is suspended from the site for a while. */
    public static final String AUTHOR_SUSPENDED = "AUTHOR_SUSPENDED";

    /** Moderators read every comment of this author before it is shown. */
    public static final String PREMODERATED = "PREMODERATED";

    /** One of the author's first comments on the site, which the site holds for review. */
    public static final String NEW_AUTHOR = "NEW_AUTHOR";

    /** A moderator decided; the message is the moderator's explanation. */
    public static final String MODERATOR = "MODERATOR";

    /**
     * The policy could not be applied to this comment (a fault in Modstream, logged for its operators), so it waits
     * for a moderator instead of being published or lost.
     */
    public static final String UNCHECKED = "UNCHECKED";

    private ReasonCodes() {}
}
