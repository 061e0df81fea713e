package org.vetting.errors;

/** A newer evaluation set the clearance; decisions are taken on the current one only. */
public class Superseded extends Conflict {
    public Superseded(String evaluationId, String by) {
        super("evaluation " + evaluationId + " was superseded by evaluation " + by);
    }
}
