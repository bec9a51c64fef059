package org.megacity.assets.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The packed grid finds exactly what a scan of every box finds, each item once. */
class PackedGridIndexProperties {

    /** Boxes of a random mix: points, small boxes (segments), large boxes (parks), some far away. */
    record Boxes(double[] minX, double[] minY, double[] maxX, double[] maxY, int size) {
        static Boxes random(long seed, int size) {
            Random random = new Random(seed);
            double[] x0 = new double[size];
            double[] y0 = new double[size];
            double[] x1 = new double[size];
            double[] y1 = new double[size];
            for (int i = 0; i < size; i++) {
                double x = 106 + random.nextDouble();
                double y = 29 + random.nextDouble() * 0.5;
                double w = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextDouble() * 0.001;
                    case 2 -> random.nextDouble() * 0.01;
                    default -> random.nextInt(20) == 0 ? random.nextDouble() * 0.8 : random.nextDouble() * 0.0005;
                };
                double h = w == 0 ? 0 : w * (0.2 + random.nextDouble() * 2);
                x0[i] = x;
                y0[i] = y;
                x1[i] = x + w;
                y1[i] = y + h;
            }
            return new Boxes(x0, y0, x1, y1, size);
        }

        Set<Integer> scan(double qx0, double qy0, double qx1, double qy1) {
            Set<Integer> found = new HashSet<>();
            for (int i = 0; i < size; i++) {
                if (minX[i] <= qx1 && maxX[i] >= qx0 && minY[i] <= qy1 && maxY[i] >= qy0) {
                    found.add(i);
                }
            }
            return found;
        }
    }

    @Test
    void findsWhatAScanFindsEachOnce() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 3_000)).checkAssert((seed, size) -> {
            Boxes boxes = Boxes.random(seed, size);
            PackedGridIndex index = PackedGridIndex.build(boxes.minX, boxes.minY, boxes.maxX, boxes.maxY, size);
            Random random = new Random(seed ^ 0x5DEECE66DL);
            for (int q = 0; q < 20; q++) {
                double x = 105.9 + random.nextDouble() * 1.2;
                double y = 28.9 + random.nextDouble() * 0.7;
                double w = random.nextInt(5) == 0 ? 0 : random.nextDouble() * (random.nextBoolean() ? 0.01 : 0.3);
                double h = random.nextDouble() * 0.2;
                List<Integer> found = new ArrayList<>();
                index.query(x, y, x + w, y + h, item -> found.add(item));
                assertThat(found).doesNotHaveDuplicates();
                assertThat(new HashSet<>(found)).isEqualTo(boxes.scan(x, y, x + w, y + h));
                assertThat(index.count(x, y, x + w, y + h)).isEqualTo(found.size());
            }
        });
    }

    @Test
    void findsAnItemByItsOwnBoxAndAPointOnItsEdge() {
        qt().withExamples(100).forAll(longs().all(), integers().between(1, 2_000)).checkAssert((seed, size) -> {
            Boxes boxes = Boxes.random(seed, size);
            PackedGridIndex index = PackedGridIndex.build(boxes.minX, boxes.minY, boxes.maxX, boxes.maxY, size);
            for (int i = 0; i < size; i += Math.max(1, size / 50)) {
                Set<Integer> found = new HashSet<>();
                index.query(boxes.maxX[i], boxes.maxY[i], boxes.maxX[i], boxes.maxY[i], item -> {
                    found.add(item);
                    return true;
                });
                assertThat(found).contains(i);
            }
        });
    }

    @Test
    void stopsWhenTheVisitorSaysSo() {
        Boxes boxes = Boxes.random(7, 1_000);
        PackedGridIndex index = PackedGridIndex.build(boxes.minX, boxes.minY, boxes.maxX, boxes.maxY, 1_000);
        List<Integer> found = new ArrayList<>();
        index.query(100, 20, 110, 40, item -> {
            found.add(item);
            return found.size() < 10;
        });
        assertThat(found).hasSize(10);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        PackedGridIndex index = PackedGridIndex.build(new double[0], new double[0], new double[0], new double[0], 0);
        assertThat(index.count(-180, -90, 180, 90)).isZero();
    }
}
