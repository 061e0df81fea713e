package org.vetting.screening;

import java.util.List;

/**
 * A possible match: the entry, which of its names matched, the score in [0, 1] (name, then
 * qualifiers) and the parts that agree ({@code given}, {@code paterno}, {@code materno},
 * {@code organisation name}, {@code birthDate}, {@code nationality}, {@code weak alias}).
 */
public record Match(WatchlistEntry entry, String matchedName, double score, List<String> matchedParts) {}
