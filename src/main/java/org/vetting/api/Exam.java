package org.vetting.api;

import java.time.LocalDate;

/** One trust-control exam. A fact for the rules as well as a JSON type. */
public record Exam(@Required String id, @Required ExamType type, @Required ExamResult result,
                   @Required LocalDate date) {}
