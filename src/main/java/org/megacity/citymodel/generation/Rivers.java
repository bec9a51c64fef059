package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The two rivers, modelled on Chongqing's: the Yangtze crossing the city from the south-west to the
 * north-east, and the Jialing coming from the west-north-west to meet it at the centre (as at
 * Chaotianmen). Each branch runs outward from the confluence along a direction, meandering across it
 * by a sum of two sine waves whose wavelength and amplitude grow with {@link Density}'s length factor,
 * tapered to nothing at the confluence so the branches meet there. A branch is the graph of a
 * function over its axis, so it never crosses itself.
 *
 * <p>The centrelines are district borders (no district spans a river); the water surfaces (centreline
 * buffered by half the river's width) are the landscape layer drawn on the map.
 */
final class Rivers {

    /** Half the Yangtze's width at Chongqing (about 650 m). */
    static final double YANGTZE_HALF_WIDTH = 325;
    /** Half the Jialing's width at its mouth (about 380 m). */
    static final double JIALING_HALF_WIDTH = 190;

    private static final double MEANDER_WAVELENGTH = 5_500;
    private static final double MEANDER_AMPLITUDE = 650;
    private static final double RIPPLE_WAVELENGTH = 2_100;
    private static final double RIPPLE_AMPLITUDE = 170;
    private static final double TAPER = 2_500;
    private static final double STEP = 60;

    /** The centrelines (metres), each from its upstream end: the Yangtze through the confluence, the Jialing to it. */
    final LineString yangtze;
    final LineString jialing;

    Rivers(SplittableRandom random, double reach, GeometryFactory factory) {
        double upstream = Math.toRadians(212 + 16 * (random.nextDouble() - 0.5));
        double downstream = Math.toRadians(35 + 16 * (random.nextDouble() - 0.5));
        double jialingDirection = Math.toRadians(150 + 16 * (random.nextDouble() - 0.5));
        List<Coordinate> up = branch(upstream, reach, random);
        List<Coordinate> down = branch(downstream, reach, random);
        List<Coordinate> jialingBranch = branch(jialingDirection, reach, random);

        List<Coordinate> yangtzeCoordinates = new ArrayList<>(up.reversed());
        yangtzeCoordinates.addAll(down.subList(1, down.size()));
        this.yangtze = factory.createLineString(yangtzeCoordinates.toArray(Coordinate[]::new));
        this.jialing = factory.createLineString(jialingBranch.reversed().toArray(Coordinate[]::new));
    }

    /** The water surfaces inside the city, Yangtze first; the Jialing's stops at the Yangtze's bank. */
    List<Geometry> water(Geometry city) {
        BufferParameters flat = new BufferParameters(6, BufferParameters.CAP_FLAT, BufferParameters.JOIN_ROUND, 5);
        Geometry yangtzeWater = OverlayNGRobust.overlay(BufferOp.bufferOp(yangtze, YANGTZE_HALF_WIDTH, flat), city,
                OverlayNG.INTERSECTION);
        Geometry jialingWater = OverlayNGRobust.overlay(
                OverlayNGRobust.overlay(BufferOp.bufferOp(jialing, JIALING_HALF_WIDTH, flat), city, OverlayNG.INTERSECTION),
                yangtzeWater, OverlayNG.DIFFERENCE);
        return List.of(Canonical.polygonal(yangtzeWater), Canonical.polygonal(jialingWater));
    }

    /** Points from the confluence (the origin, exactly) outward to {@code reach} metres. */
    private static List<Coordinate> branch(double direction, double reach, SplittableRandom random) {
        double phase1 = 2 * Math.PI * random.nextDouble();
        double phase2 = 2 * Math.PI * random.nextDouble();
        double dx = StrictMath.cos(direction);
        double dy = StrictMath.sin(direction);
        List<Coordinate> points = new ArrayList<>();
        points.add(new Coordinate(0, 0));
        double t = 0;
        while (t < reach) {
            t += STEP * Density.lengthFactor(t, 0);
            double warped = t * Density.warpFactor(t, 0);
            double taper = smoothstep(t / TAPER);
            double offset = taper * Density.lengthFactor(t, 0)
                    * (MEANDER_AMPLITUDE * StrictMath.sin(2 * Math.PI * warped / MEANDER_WAVELENGTH + phase1)
                    + RIPPLE_AMPLITUDE * StrictMath.sin(2 * Math.PI * warped / RIPPLE_WAVELENGTH + phase2));
            points.add(new Coordinate(t * dx - offset * dy, t * dy + offset * dx));
        }
        return points;
    }

    private static double smoothstep(double x) {
        double c = Math.max(0, Math.min(1, x));
        return c * c * (3 - 2 * c);
    }
}
