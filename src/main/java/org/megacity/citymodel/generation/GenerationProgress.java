package org.megacity.citymodel.generation;

/**
 * Hears how far a generation has got. Calls to {@link #advance} may come from several threads.
 */
public interface GenerationProgress {

    /** A phase begins; it is done when {@code total} units have been reported. */
    void phase(String name, int total);

    /** {@code units} more units of the current phase are done. */
    void advance(int units);

    /** Says nothing. */
    static GenerationProgress silent() {
        return new GenerationProgress() {
            @Override
            public void phase(String name, int total) {
            }

            @Override
            public void advance(int units) {
            }
        };
    }
}
