package org.megacity.citymodel.generation;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * How crowded the city is at a point, as the factor by which everything there is larger than at the
 * centre. Coordinates are metres on the local plane, the centre at the origin.
 *
 * <p>The <em>area factor</em> is {@code g(r) = 1 + (r / r0)²} with {@code r0} = {@value #R0} m: at the
 * centre a community, a street or a unit grid has its base area, at 7 km twice that, at 40 km about 34
 * times. Unit grids are laid with cells of {@code 10,000 m² × g(r)} (see {@link #gridCellSquareMetres}),
 * so the centre has the standard "万米单元网格" and the outskirts grids of some 30 ha.
 *
 * <p>The <em>weight</em> of a region, {@code ∫ 1/g dA}, is how many "centre-sized" areas it holds; the
 * generator shares the streets and communities among their parents in proportion to it. For this
 * radial density Green's theorem turns the area integral into a boundary integral
 * {@code ∮ F(r) dθ} with {@code F(r) = (r0²/2) ln(1 + r²/r0²)}, so a polygon's weight costs one pass
 * over its vertices.
 */
public final class Density {

    /** The radius (metres) at which areas have doubled. */
    public static final double R0 = 7_000;

    /** The standard unit grid at the centre. */
    public static final double CENTRE_GRID_SQUARE_METRES = 10_000;

    private static final double[] GAUSS_X = {
            0.5 - 0.5 * 0.906_179_845_938_664, 0.5 - 0.5 * 0.538_469_310_105_683, 0.5,
            0.5 + 0.5 * 0.538_469_310_105_683, 0.5 + 0.5 * 0.906_179_845_938_664};
    private static final double[] GAUSS_W = {
            0.5 * 0.236_926_885_056_189, 0.5 * 0.478_628_670_499_366, 0.5 * 0.568_888_888_888_889,
            0.5 * 0.478_628_670_499_366, 0.5 * 0.236_926_885_056_189};

    private Density() {
    }

    /** {@code g(r)}: how many times larger divisions and grids are here than at the centre. */
    public static double areaFactor(double x, double y) {
        return 1 + (x * x + y * y) / (R0 * R0);
    }

    /** {@code sqrt(g)}: the factor for lengths. */
    public static double lengthFactor(double x, double y) {
        return Math.sqrt(areaFactor(x, y));
    }

    /** The area of a unit grid cell at a point: {@code 10,000 m² × g(r)}. */
    public static double gridCellSquareMetres(double x, double y) {
        return CENTRE_GRID_SQUARE_METRES * areaFactor(x, y);
    }

    /**
     * The factor {@code w(r)/r} of the warp {@code u = x · w(r)/r} with {@code w(r) = r0 asinh(r/r0)},
     * under which the density is nearly uniform: noise sampled at {@code u} has local wavelengths that
     * grow with the local size of things.
     */
    static double warpFactor(double x, double y) {
        double r = Math.sqrt(x * x + y * y);
        if (r < 1e-6) {
            return 1;
        }
        double q = r / R0;
        return R0 * StrictMath.log(q + Math.sqrt(q * q + 1)) / r;
    }

    /** {@code ∫ 1/g dA} over a polygon (square metres). */
    public static double weight(Polygon polygon) {
        double total = Math.abs(ringIntegral(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            total -= Math.abs(ringIntegral(polygon.getInteriorRingN(i)));
        }
        return total;
    }

    /** {@code ∫ 1/g dA} over a polygon or multipolygon. */
    public static double weight(Geometry polygonal) {
        double total = 0;
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            total += weight((Polygon) polygonal.getGeometryN(i));
        }
        return total;
    }

    /** The weight per radian of a sector of radius {@code r} around the centre: {@code F(r)}. */
    static double weightWithin(double r) {
        return 0.5 * R0 * R0 * StrictMath.log(1 + r * r / (R0 * R0));
    }

    /**
     * {@code ∮ F(r) dθ} along a ring. Along a segment a→b, {@code x dy − y dx = a × b} is constant, so
     * the segment contributes {@code (a × b) ∫₀¹ G(|a + t(b−a)|²) dt} with {@code G(s) = F(√s)/s},
     * integrated with five-point Gauss–Legendre.
     */
    private static double ringIntegral(LinearRing ring) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        double sum = 0;
        for (int i = 0; i < seq.size() - 1; i++) {
            double ax = seq.getX(i);
            double ay = seq.getY(i);
            double bx = seq.getX(i + 1);
            double by = seq.getY(i + 1);
            double cross = ax * by - ay * bx;
            if (cross == 0) {
                continue;
            }
            double integral = 0;
            for (int k = 0; k < GAUSS_X.length; k++) {
                double x = ax + GAUSS_X[k] * (bx - ax);
                double y = ay + GAUSS_X[k] * (by - ay);
                integral += GAUSS_W[k] * g(x * x + y * y);
            }
            sum += cross * integral;
        }
        return sum;
    }

    private static double g(double s) {
        double q = s / (R0 * R0);
        if (q < 1e-8) {
            return 0.5 * (1 - q / 2);
        }
        return 0.5 * R0 * R0 * StrictMath.log1p(q) / s;
    }


    static double areaFactor(Coordinate c) {
        return areaFactor(c.x, c.y);
    }
}
