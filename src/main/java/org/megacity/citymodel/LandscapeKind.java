package org.megacity.citymodel;

import java.util.Locale;

/** The kinds of landscape feature. */
public enum LandscapeKind {
    /** The water surface of a river (a polygon). */
    RIVER;

    /** The lower-case name used in GeoJSON properties, e.g. {@code river}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LandscapeKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
