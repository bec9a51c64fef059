package org.megacity.geo.internal.geojson;

/**
 * What to do with a ring wound against RFC 7946's right-hand rule (exterior rings
 * counter-clockwise, holes clockwise).
 */
public enum Winding {
    /** Reject the feature, naming the ring: the default, as the platform's import demands. */
    STRICT,
    /**
     * Reorient the ring. RFC 7946 §3.1.6 says parsers SHOULD NOT reject wrongly wound polygons, for
     * the sake of older data; this is the explicit opt-in ({@code ?winding=lenient},
     * {@code --lenient-winding}).
     */
    LENIENT;

    /** Parses {@code strict} or {@code lenient}; absent means strict. */
    public static Winding parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("strict")) {
            return STRICT;
        }
        if (text.equalsIgnoreCase("lenient")) {
            return LENIENT;
        }
        throw new IllegalArgumentException("winding must be strict or lenient, not '" + text + "'");
    }
}
