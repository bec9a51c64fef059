package org.megacity.geo;

import java.util.List;

/** What an import did: everything, or nothing and why. */
public sealed interface ImportOutcome {

    /** Every division was stored. */
    record Imported(int created, int replaced) implements ImportOutcome {
    }

    /** Nothing was stored; each problem names the feature (its code, or its index when it has none). */
    record Rejected(List<Problem> problems) implements ImportOutcome {
    }

    /**
     * One reason an import was refused.
     *
     * @param feature the feature's code, or {@code "features[i]"} when it has no usable code
     * @param message what is wrong, e.g. "self-intersection at (106.51, 29.53)"
     */
    record Problem(String feature, String message) {
    }
}
