package org.vetting.screening;

import java.util.List;

/**
 * One entry of a list: its list and id there, the names it is screened under (the primary name and
 * its strong aliases — weak aliases are never screened alone), and what qualifies a match.
 */
public record WatchlistEntry(String list, String id, List<PersonName> names, String birthDate, String nationality) {}
