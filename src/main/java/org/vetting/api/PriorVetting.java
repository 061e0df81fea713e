package org.vetting.api;

import java.time.LocalDate;

/** The result of an earlier vetting programme (SIU, a previous joint unit, …). */
public record PriorVetting(String id, String program, VettingResult result, LocalDate date) {}
