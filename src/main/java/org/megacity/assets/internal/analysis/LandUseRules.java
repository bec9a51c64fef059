package org.megacity.assets.internal.analysis;

import java.util.Map;
import java.util.Set;

/**
 * Whether a use may go on a parcel of a land-use class (GB 50137-2011 major classes: R residential,
 * A public administration and services, B commercial, M industrial, W logistics, S roads and
 * transport, U utilities, G green space). The same major class is permitted; a few mixes that
 * Chinese plans commonly allow with conditions (commercial on residential land and the reverse,
 * public services on residential or commercial land, logistics on industrial land and the reverse,
 * utilities on any built land) are conditional; everything else, and any building on protected
 * green space (G1), is prohibited. A plan's own compatibility table replaces this in production
 * (docs/assets.md, "Zoning").
 */
public final class LandUseRules {

    /** Ordered from the most to the least permissive. */
    public enum Verdict {
        PERMITTED, CONDITIONAL, PROHIBITED
    }

    private static final Map<Character, Set<Character>> CONDITIONAL = Map.of(
            'R', Set.of('B', 'A', 'U'),
            'B', Set.of('R', 'A', 'U'),
            'A', Set.of('U'),
            'M', Set.of('W', 'U'),
            'W', Set.of('M', 'U'),
            'S', Set.of('U'),
            'U', Set.of(),
            'G', Set.of());

    private LandUseRules() {
    }

    /** The verdict for {@code use} on a parcel classed {@code parcelClass}. */
    public static Verdict verdict(String parcelClass, String use) {
        char parcel = parcelClass.charAt(0);
        char wanted = use.charAt(0);
        if (parcelClass.equals("G1") && !use.startsWith("G")) {
            return Verdict.PROHIBITED;
        }
        if (parcel == wanted) {
            return Verdict.PERMITTED;
        }
        return CONDITIONAL.getOrDefault(parcel, Set.of()).contains(wanted) ? Verdict.CONDITIONAL : Verdict.PROHIBITED;
    }

    /** Whether the text is a land-use class code ({@code R2}, {@code B1}, {@code G}). */
    public static boolean isCode(String text) {
        return text != null && text.matches("[RABMWSUG][0-9]{0,2}");
    }
}
