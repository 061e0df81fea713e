package org.vetting.api;

import java.time.LocalDate;

/** The result of an earlier vetting programme (SIU, a previous joint unit, …). */
public record PriorVetting(@Required String id, String program, @Required VettingResult result,
                           @Required LocalDate date) {}
