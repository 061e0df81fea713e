package org.vetting.api;

import java.util.List;

/** A list entry found by a search of the active version, scored as screening scores. */
public record WatchlistEntryView(String list, int version, String entryId, String type, String name,
                                 List<String> aliases, List<String> weakAliases, String birthDate,
                                 List<String> nationality, String program, String remarks, double score,
                                 String matchedName, List<String> matchedParts) {}
