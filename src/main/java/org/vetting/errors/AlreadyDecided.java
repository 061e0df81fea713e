package org.vetting.errors;

/** A case that has its final decision is not decided again. */
public class AlreadyDecided extends Conflict {
    public AlreadyDecided(String evaluationId) {
        super("evaluation " + evaluationId + " is already decided");
    }
}
