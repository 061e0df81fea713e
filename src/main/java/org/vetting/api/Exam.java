package org.vetting.api;

import java.time.LocalDate;

/** One trust-control exam. A fact for the rules as well as a JSON type. */
public record Exam(String id, ExamType type, ExamResult result, LocalDate date) {}
