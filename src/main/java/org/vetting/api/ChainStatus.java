package org.vetting.api;

/**
 * The answer of a chain check: {@code firstInvalid} is the sequence number of the first entry that
 * does not verify (null when the chain is valid, or when the problem is not one entry: rows that
 * no entry covers, a truncated chain); {@code problem} says what was found.
 */
public record ChainStatus(boolean valid, long entries, Long firstInvalid, String problem) {
    public static ChainStatus ok(long entries) {
        return new ChainStatus(true, entries, null, null);
    }
}
