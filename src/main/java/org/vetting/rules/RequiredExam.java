package org.vetting.rules;

import org.vetting.api.ExamType;

/** Fact: the target unit requires an exam of this type no older than {@code maxAgeMonths}. */
public record RequiredExam(ExamType type, int maxAgeMonths) {}
