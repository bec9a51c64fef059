package org.megacity.testing;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.GridLayout;
import org.megacity.geo.RightHandRule;

/**
 * A tiny, exactly tiled city for tests that need a geography but not a generated one: one district
 * (渝中区, 500103) of 600 m x 400 m at Jiefangbei, two streets side by side, each with two communities
 * (north and south), each covered by unit grids of 10,000 m² (24 grids in all).
 */
public final class TinyCity {

    public static final double WEST = 106.5700;
    public static final double SOUTH = 29.5500;
    /** About 600 m east-west and 400 m north-south at this latitude. */
    public static final double EAST = WEST + 0.0062;
    public static final double NORTH = SOUTH + 0.0036;

    public static final String DISTRICT = "500103";
    public static final String WEST_STREET = "500103001";
    public static final String NORTH_WEST_COMMUNITY = "500103001001";

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private TinyCity() {
    }

    /** A point in the middle of the north-western community's first grid. */
    public static double[] pointInFirstGrid() {
        return new double[] {WEST + 0.0005, NORTH - 0.0004};
    }

    public static List<Division> divisions() {
        double midX = (WEST + EAST) / 2;
        double midY = (SOUTH + NORTH) / 2;
        List<Division> all = new ArrayList<>();
        all.add(division(DISTRICT, "渝中区", "Yuzhong District", WEST, SOUTH, EAST, NORTH));
        String[][] streets = {{"001", "解放碑街道", "Jiefangbei Subdistrict"}, {"002", "朝天门街道", "Chaotianmen Subdistrict"}};
        for (int s = 0; s < 2; s++) {
            double w = s == 0 ? WEST : midX;
            double e = s == 0 ? midX : EAST;
            String streetCode = DISTRICT + streets[s][0];
            all.add(division(streetCode, streets[s][1], streets[s][2], w, SOUTH, e, NORTH));
            Division north = division(streetCode + "001", streets[s][1].substring(0, 3) + "北社区",
                    streets[s][2].split(" ")[0] + " North Community", w, midY, e, NORTH);
            Division south = division(streetCode + "002", streets[s][1].substring(0, 3) + "南社区",
                    streets[s][2].split(" ")[0] + " South Community", w, SOUTH, e, midY);
            all.add(north);
            all.add(south);
            all.addAll(GridLayout.cover(north));
            all.addAll(GridLayout.cover(south));
        }
        return all;
    }

    private static Division division(String code, String name, String nameEn, double w, double s, double e, double n) {
        return new Division(DivisionCode.of(code), name, nameEn, RightHandRule.apply(FACTORY.toGeometry(new Envelope(w, e, s, n))));
    }
}
