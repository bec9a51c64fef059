package org.megacity.citymodel;

import java.util.Locale;

/**
 * How big a generated city is. The street and community counts are met exactly; the grid count
 * follows from the grid-size function and lands near {@link #gridTarget()}.
 *
 * @param districts   districts (区) to generate
 * @param streets     streets and towns (街道, 镇) in all
 * @param communities communities and villages (社区, 村) in all
 * @param gridTarget  the number of unit grids the calibration aims at
 */
public enum CityScale {
    /** A city for tests: three districts around the confluence, about 1,000 grids. */
    SMALL("small", 3, 18, 180, 1_000),
    /** Chongqing's scale: 41 districts, 1,031 streets, 11,000 communities, about 62,000 grids. */
    MEGACITY("megacity", 41, 1_031, 11_000, 62_000);

    private final String id;
    private final int districts;
    private final int streets;
    private final int communities;
    private final int gridTarget;

    CityScale(String id, int districts, int streets, int communities, int gridTarget) {
        this.id = id;
        this.districts = districts;
        this.streets = streets;
        this.communities = communities;
        this.gridTarget = gridTarget;
    }

    /** The name used on the command line and in settings: {@code small} or {@code megacity}. */
    public String id() {
        return id;
    }

    public int districts() {
        return districts;
    }

    public int streets() {
        return streets;
    }

    public int communities() {
        return communities;
    }

    public int gridTarget() {
        return gridTarget;
    }

    /** Parses {@code small} or {@code megacity}, in any case. */
    public static CityScale parse(String text) {
        if (text != null) {
            for (CityScale scale : values()) {
                if (scale.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return scale;
                }
            }
        }
        throw new IllegalArgumentException("unknown scale '" + text + "' (expected small or megacity)");
    }
}
