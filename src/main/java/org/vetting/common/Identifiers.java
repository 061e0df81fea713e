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
    /** Any other identifier of a path (a user name, a list, a version, an evaluation or a hit): 1 to 64 of these. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    public static final String IDENTIFIER_RULE = "must be 1-64 letters, digits, '.', '_', '@' or '-'";

    private Identifiers() {}

    /** Whether a path's identifier named {@code name} is one: an officer id by its rule, any other by {@link #IDENTIFIER}. */
    public static boolean isIdentifier(String name, String value) {
        return value != null && ("officerId".equals(name) ? OFFICER_ID : IDENTIFIER).matcher(value).matches();
    }

    /** The rule an identifier named {@code name} breaks, in words. */
    public static String rule(String name) {
        return "officerId".equals(name) ? OFFICER_ID_RULE : IDENTIFIER_RULE;
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
