package org.vetting.api;

/** {@code POST /api/screening-hits/{hitId}/review}: CONFIRM or DISMISS, with the reasons. */
public record HitReview(String decision, String reasons) {}
