package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Seed points for the divisions inside a parent: denser where {@link Density} says things are
 * small, and evenly spread (Mitchell's best-candidate sampling: of several random candidates, take
 * the one farthest from the seeds so far, distances measured in local size).
 */
final class Seeds {

    static final int CANDIDATES = 12;
    private static final int MAX_DRAWS = 100_000;

    private Seeds() {
    }

    static List<Coordinate> inside(Polygon parent, int count, SplittableRandom random) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(parent);
        Envelope box = parent.getEnvelopeInternal();
        double nearestX = clamp(0, box.getMinX(), box.getMaxX());
        double nearestY = clamp(0, box.getMinY(), box.getMaxY());
        double densest = Density.areaFactor(nearestX, nearestY);
        List<Coordinate> seeds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Coordinate best = null;
            double bestScore = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                Coordinate candidate = draw(parent, locator, box, densest, random);
                double score = Double.MAX_VALUE;
                double scale = Density.lengthFactor(candidate.x, candidate.y);
                for (Coordinate s : seeds) {
                    score = Math.min(score, candidate.distance(s) / scale);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
            seeds.add(best);
        }
        return seeds;
    }

    /** A random point inside the parent with probability proportional to 1/g. */
    private static Coordinate draw(Polygon parent, IndexedPointInAreaLocator locator, Envelope box, double densest,
            SplittableRandom random) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            double x = box.getMinX() + random.nextDouble() * box.getWidth();
            double y = box.getMinY() + random.nextDouble() * box.getHeight();
            Coordinate p = new Coordinate(x, y);
            if (locator.locate(p) == Location.INTERIOR && random.nextDouble() * Density.areaFactor(x, y) < densest) {
                return p;
            }
        }
        return parent.getInteriorPoint().getCoordinate();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
