package org.vetting.api;

/** Approving a rule-set version: written reasons, and optionally the day it takes effect (YYYY-MM-DD). */
public record ApprovalRequest(String reasons, String effectiveFrom) {}
