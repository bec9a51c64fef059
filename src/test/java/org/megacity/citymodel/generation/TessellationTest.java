package org.megacity.citymodel.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The tessellation tiles any parent exactly, whatever its shape and the seeds: a property checked on
 * many random star-shaped parents, seed counts and fields (a seeded loop, so a failure can be replayed
 * from the case number).
 */
class TessellationTest {

    static final GeometryFactory FACTORY = new GeometryFactory();

    /** A wobbly star-shaped polygon of about {@code radius} metres around a centre. */
    static Polygon parent(SplittableRandom random, double cx, double cy, double radius) {
        int n = 60 + random.nextInt(200);
        double[] amplitude = {random.nextDouble() * 0.3, random.nextDouble() * 0.2, random.nextDouble() * 0.1};
        double[] phase = {random.nextDouble() * 6, random.nextDouble() * 6, random.nextDouble() * 6};
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = radius * (1 + amplitude[0] * Math.cos(2 * t + phase[0]) + amplitude[1] * Math.cos(3 * t + phase[1])
                    + amplitude[2] * Math.cos(5 * t + phase[2]));
            ring[i] = new Coordinate(cx + r * Math.cos(t), cy + r * Math.sin(t));
        }
        ring[n] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }

    @Test
    void cellsTileTheirParentExactlyWithoutGapsOrOverlaps() {
        for (int c = 0; c < 120; c++) {
            SplittableRandom random = new SplittableRandom(1_000 + c);
            double radius = 300 + random.nextDouble() * 20_000;
            double cx = (random.nextDouble() - 0.5) * 60_000;
            double cy = (random.nextDouble() - 0.5) * 60_000;
            Polygon parent = parent(random, cx, cy, radius);
            int count = 2 + random.nextInt(40);
            List<Coordinate> seeds = Seeds.inside(parent, count, random);
            double size = radius * Math.sqrt(Math.PI / count) / Density.lengthFactor(cx, cy);
            Displacement field = new Displacement(random.nextLong(), new double[] {size, size / 3},
                    new double[] {1, 0.4});

            List<Tessellation.Cell> cells = Tessellation.tile(parent, seeds, field, FACTORY);

            String at = "case " + c + " (" + count + " seeds)";
            assertThat(cells).as(at).isNotEmpty().hasSizeLessThanOrEqualTo(count);
            List<Geometry> shapes = new ArrayList<>(cells.stream().map(Tessellation.Cell::polygon).toList());
            assertThat(shapes).as(at).allSatisfy(s -> assertThat(s.isValid()).isTrue());
            Geometry union = OverlayNGRobust.union(shapes);
            double sum = shapes.stream().mapToDouble(Geometry::getArea).sum();
            double parentArea = parent.getArea();
            assertThat(Math.abs(sum - union.getArea())).as(at + ": overlap").isLessThan(1e-9 * parentArea);
            assertThat(OverlayNGRobust.overlay(union, parent, OverlayNG.SYMDIFFERENCE).getArea()).as(at + ": gap")
                    .isLessThan(1e-9 * parentArea);
            assertThat(cells.stream().mapToInt(Tessellation.Cell::seed).distinct().count()).as(at).isEqualTo(cells.size());
        }
    }

    @Test
    void mostSeedsKeepTheirCell() {
        int seeds = 0;
        int cells = 0;
        for (int c = 0; c < 60; c++) {
            SplittableRandom random = new SplittableRandom(c);
            Polygon parent = parent(random, 0, 0, 2_000);
            int count = 5 + random.nextInt(30);
            double size = 2_000 * Math.sqrt(Math.PI / count);
            Displacement field = new Displacement(c, new double[] {size}, new double[] {1});
            seeds += count;
            cells += Tessellation.tile(parent, Seeds.inside(parent, count, random), field, FACTORY).size();
        }
        assertThat((double) cells / seeds).isGreaterThan(0.95);
    }

    @Test
    void clipsASegmentToABox() {
        var box = new org.locationtech.jts.geom.Envelope(0, 10, 0, 10);
        Coordinate[] inside = Tessellation.clip(new Coordinate(1, 1), new Coordinate(2, 2), box);
        Coordinate[] crossing = Tessellation.clip(new Coordinate(-10, 5), new Coordinate(20, 5), box);

        assertThat(inside).containsExactly(new Coordinate(1, 1), new Coordinate(2, 2));
        assertThat(crossing).containsExactly(new Coordinate(0, 5), new Coordinate(10, 5));
        assertThat(Tessellation.clip(new Coordinate(-1, -1), new Coordinate(-2, 20), box)).isNull();
    }
}
