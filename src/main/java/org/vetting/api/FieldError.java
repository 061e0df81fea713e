package org.vetting.api;

/** One problem with one field of a request, e.g. {@code exams[1].id: duplicate id e1}. */
public record FieldError(String field, String message) {}
