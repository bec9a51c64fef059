package org.megacity.geo.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.megacity.geo.Division;
import org.megacity.geo.SyntheticCity;

class LocateIndexTest {

    static final GeometryFactory FACTORY = new GeometryFactory();

    static List<Geometry> grids;
    static LocateIndex index;
    static BruteForceLocator bruteForce;

    @BeforeAll
    static void smallCity() {
        grids = SyntheticCity.grids(SyntheticCity.generate(7, SyntheticCity.Plan.small())).stream()
                .map(Division::boundary).toList();
        index = LocateIndex.build(grids);
        bruteForce = new BruteForceLocator(grids);
    }

    @Test
    void theCityHasAboutAThousandGrids() {
        assertThat(grids).hasSizeBetween(800, 1_400);
    }

    @Test
    void agreesWithBruteForceOnAMillionRandomPoints() {
        Envelope box = envelope(grids);
        box.expandBy(box.getWidth() * 0.05);
        Random random = new Random(20_240_601);
        int inside = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = box.getMinX() + random.nextDouble() * box.getWidth();
            double y = box.getMinY() + random.nextDouble() * box.getHeight();
            int expected = bruteForce.locate(x, y);
            int actual = index.locate(x, y);
            if (actual != expected) {
                throw new AssertionError("(" + x + ", " + y + "): index says " + actual + ", brute force " + expected);
            }
            if (expected >= 0) {
                inside++;
            }
        }
        assertThat(inside).as("points that fell in some grid").isGreaterThan(400_000);
    }

    @Test
    void agreesWithBruteForceOnEveryVertexAndOnPointsAlongEveryEdge() {
        int checked = 0;
        for (Geometry grid : grids) {
            Coordinate[] coordinates = grid.getCoordinates();
            for (int i = 0; i < coordinates.length; i++) {
                Coordinate a = coordinates[i];
                assertSame(a.x, a.y);
                if (i + 1 < coordinates.length) {
                    Coordinate b = coordinates[i + 1];
                    for (double t : new double[] {0.5, 0.25, 1.0 / 3}) {
                        assertSame(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
                    }
                    // exactly on the edge when it is horizontal or vertical
                    assertSame(a.x, (a.y + b.y) / 2);
                    assertSame((a.x + b.x) / 2, a.y);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void sharedVerticesBelongToTheGridWithTheLowestCode() {
        Coordinate shared = null;
        int first = -1;
        outer:
        for (int i = 0; i < grids.size(); i++) {
            for (Coordinate c : grids.get(i).getCoordinates()) {
                for (int j = i + 1; j < grids.size(); j++) {
                    if (grids.get(j).getEnvelopeInternal().contains(c)
                            && java.util.Arrays.asList(grids.get(j).getCoordinates()).contains(c)) {
                        shared = c;
                        first = i;
                        break outer;
                    }
                }
            }
        }
        assertThat(shared).isNotNull();
        assertThat(index.locate(shared.x, shared.y)).isEqualTo(first);
    }

    @Test
    void pointsOutsideTheCityAndNonsenseAreOutside() {
        assertThat(index.locate(0, 0)).isEqualTo(-1);
        assertThat(index.locate(Double.NaN, 29.5)).isEqualTo(-1);
        assertThat(index.locate(106.5, Double.POSITIVE_INFINITY)).isEqualTo(-1);
        assertThat(LocateIndex.build(List.of()).locate(106.5, 29.5)).isEqualTo(-1);
    }

    @Test
    void agreesWithBruteForceOnRandomPartitions() {
        qt().withExamples(40).withFixedSeed(42).forAll(longs().all(), integers().between(1, 40),
                integers().between(0, 3)).checkAssert((seed, size, kind) -> {
                    List<Geometry> partition = partition(new Random(seed), size, kind);
                    LocateIndex candidate = LocateIndex.build(partition);
                    BruteForceLocator reference = new BruteForceLocator(partition);
                    Envelope box = envelope(partition);
                    box.expandBy(Math.max(box.getWidth(), 1e-6) * 0.1);
                    Random random = new Random(seed ^ 0x5DEECE66DL);
                    List<Coordinate> probes = new ArrayList<>();
                    for (int i = 0; i < 3_000; i++) {
                        probes.add(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                                box.getMinY() + random.nextDouble() * box.getHeight()));
                    }
                    for (Geometry g : partition) {
                        probes.addAll(List.of(g.getCoordinates()));
                    }
                    for (Coordinate p : probes) {
                        assertThat(candidate.locate(p.x, p.y)).as("(%s, %s) in partition of %s kind %s", p.x, p.y,
                                size, kind).isEqualTo(reference.locate(p.x, p.y));
                    }
                });
    }

    /**
     * Partitions of several shapes: axis-aligned rectangles on a lattice (exact shared edges,
     * horizontal ones included), the same rotated, Voronoi cells, and overlapping random boxes
     * (the order of precedence then matters inside the overlaps too).
     */
    static List<Geometry> partition(Random random, int size, int kind) {
        double lon = 100 + random.nextDouble() * 10;
        double lat = 20 + random.nextDouble() * 10;
        double step = 0.0005 + random.nextDouble() * 0.01;
        List<Geometry> result = new ArrayList<>();
        switch (kind) {
            case 0, 1 -> {
                int n = (int) Math.ceil(Math.sqrt(size));
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        Geometry cell = FACTORY.toGeometry(new Envelope(lon + i * step, lon + (i + 1) * step,
                                lat + j * step, lat + (j + 1) * step));
                        if (kind == 1) {
                            cell = AffineTransformation.rotationInstance(0.3 + random.nextDouble(), lon, lat).transform(cell);
                        }
                        result.add(cell);
                    }
                }
            }
            case 2 -> {
                Geometry region = FACTORY.toGeometry(new Envelope(lon, lon + step * 8, lat, lat + step * 6));
                result.addAll(SyntheticCity_split(region, Math.max(2, size), random));
            }
            default -> {
                for (int i = 0; i < size; i++) {
                    double x = lon + random.nextDouble() * step * 5;
                    double y = lat + random.nextDouble() * step * 5;
                    result.add(FACTORY.toGeometry(new Envelope(x, x + step * random.nextDouble() * 3 + 1e-6, y,
                            y + step * random.nextDouble() * 3 + 1e-6)));
                }
            }
        }
        return result;
    }

    private static List<Geometry> SyntheticCity_split(Geometry region, int parts, Random random) {
        return org.megacity.geo.SyntheticCityAccess.split(region, parts, random);
    }

    private static void assertSame(double x, double y) {
        int expected = bruteForce.locate(x, y);
        int actual = index.locate(x, y);
        if (actual != expected) {
            throw new AssertionError("(" + x + ", " + y + "): index says " + actual + ", brute force " + expected);
        }
    }

    private static Envelope envelope(List<Geometry> geometries) {
        Envelope box = new Envelope();
        geometries.forEach(g -> box.expandToInclude(g.getEnvelopeInternal()));
        return box;
    }
}
