package org.vetting.api;

import java.util.List;

/** The signed-in person's second factors and how many recovery codes they have left. */
public record FactorsView(List<FactorView> factors, int recoveryCodesLeft) {}
