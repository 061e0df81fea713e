package org.vetting.api;

import java.time.Instant;
import java.util.List;

import org.vetting.rules.RuleInfo;
import org.vetting.rules.Unit;

/** {@code GET /api/rulesets/active}: what a policy analyst reviews. */
public record RuleSetView(String version, Instant activatedAt, List<RuleInfo> rules, List<Unit> units) {}
