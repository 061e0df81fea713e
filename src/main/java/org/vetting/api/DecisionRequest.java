package org.vetting.api;

/** Body of approving or rejecting a correction: the written reasons. */
public record DecisionRequest(String reasons) {}
