package org.vetting.api;

import java.util.List;

/** The answer to an approval: the correction, and one fresh evaluation per clearance it re-evaluated. */
public record CorrectionDecision(CorrectionView correction, List<EvaluationView> evaluations) {}
