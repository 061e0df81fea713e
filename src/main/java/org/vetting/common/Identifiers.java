package org.vetting.common;

import java.util.regex.Pattern;

/**
 * Identifiers that come from outside (an officer id in a body, a path or a query; every identifier
 * of a path): one rule for what each may be, and how an arbitrary value is made safe to record (the
 * access log) and to log.
 */
public final class Identifiers {
    /** An officer id: 1 to 64 letters, digits or '-'. */
    public static final Pattern OFFICER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    public static final String OFFICER_ID_RULE = "must be 1-64 letters, digits or '-'";
    private static final int MAX = 64;
    /** A user name: 3 to 64 letters, digits, '.', '_', '@' or '-'. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    public static final String USERNAME_RULE = "3-64 letters, digits, '.', '_', '@' or '-'";
    /** A watchlist's name: 2 to 40 upper-case letters, digits or '-', starting with a letter. */
    public static final Pattern LIST = Pattern.compile("[A-Z][A-Z0-9-]{1,39}");
    public static final String LIST_RULE = "2-40 upper-case letters, digits or '-', starting with a letter";
    /** Any other identifier of a path (a version, an evaluation, a hit, a factor, a unit): 1 to 64 of these. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    public static final String IDENTIFIER_RULE = "must be 1-64 letters, digits, '.', '_', '@' or '-'";

    private Identifiers() {}

    /** Whether an identifier named {@code name} (as a path or a body names it) is one, by its kind's rule. */
    public static boolean isIdentifier(String name, String value) {
        return value != null && pattern(name).matcher(value).matches();
    }

    /** The rule an identifier named {@code name} breaks, in words. */
    public static String rule(String name) {
        return switch (name) {
            case "officerId" -> OFFICER_ID_RULE;
            case "username" -> USERNAME_RULE;
            case "list" -> LIST_RULE;
            default -> IDENTIFIER_RULE;
        };
    }

    private static Pattern pattern(String name) {
        return switch (name) {
            case "officerId" -> OFFICER_ID;
            case "username" -> USERNAME;
            case "list" -> LIST;
            default -> IDENTIFIER;
        };
    }

    public static boolean isOfficerId(String value) {
        return value != null && OFFICER_ID.matcher(value).matches();
    }

    /**
     * A value as it may be recorded and logged: control characters (a line break that would forge a
     * log line) as '?', at most 64 characters (a longer one ends in '…').
     */
    public static String safe(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && s.length() < MAX; i++) {
            char c = value.charAt(i);
            s.append(Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        }
        if (value.length() > MAX) {
            s.setLength(MAX - 1);
            s.append('…');
        }
        return s.toString();
    }
}
