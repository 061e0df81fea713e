package org.vetting.screening;

/** The common Spanish names of {@link LabelledPairsTest}, for the benchmarks' populations. */
public final class LabelledPairsTestAccess {
    public static final String[] GIVEN = LabelledPairsTest.GIVEN;
    public static final String[] FAMILY = LabelledPairsTest.FAMILY;

    private LabelledPairsTestAccess() {}
}
