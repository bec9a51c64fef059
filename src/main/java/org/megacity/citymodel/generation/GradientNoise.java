package org.megacity.citymodel.generation;

import java.util.SplittableRandom;

/**
 * Smooth two-dimensional gradient noise (Perlin's improved noise, 2002) with a permutation drawn from
 * a seed, summed over three octaves. Only arithmetic and a table are involved, so the same seed gives
 * bit-identical values on every JVM. Values lie roughly within [-1, 1]; one unit of input is about one
 * wavelength of the first octave.
 */
final class GradientNoise {

    private static final int SIZE = 256;
    private static final int MASK = SIZE - 1;
    private static final int DIRECTIONS = 16;

    private final int[] permutation = new int[SIZE * 2];
    private final double[] gradientX = new double[DIRECTIONS];
    private final double[] gradientY = new double[DIRECTIONS];
    private final double offsetX;
    private final double offsetY;

    GradientNoise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            p[i] = i;
        }
        for (int i = SIZE - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < SIZE * 2; i++) {
            permutation[i] = p[i & MASK];
        }
        for (int i = 0; i < DIRECTIONS; i++) {
            double angle = 2 * Math.PI * i / DIRECTIONS;
            gradientX[i] = StrictMath.cos(angle);
            gradientY[i] = StrictMath.sin(angle);
        }
        offsetX = random.nextDouble() * SIZE;
        offsetY = random.nextDouble() * SIZE;
    }

    /** Three octaves (wavelengths 1, 1/2.1, 1/4.3; amplitudes 1, 0.45, 0.2), scaled to about [-1, 1]. */
    double fractal(double x, double y) {
        double v = single(x + offsetX, y + offsetY)
                + 0.45 * single(2.1 * x + offsetY, 2.1 * y + offsetX)
                + 0.2 * single(4.3 * x - offsetX, 4.3 * y + 17.3);
        return v * 1.3;
    }

    /** One octave, within about [-0.7, 0.7]. */
    double single(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        int xi = ((int) (long) fx) & MASK;
        int yi = ((int) (long) fy) & MASK;
        double dx = x - fx;
        double dy = y - fy;
        double u = fade(dx);
        double v = fade(dy);
        int aa = permutation[permutation[xi] + yi];
        int ab = permutation[permutation[xi] + yi + 1];
        int ba = permutation[permutation[xi + 1] + yi];
        int bb = permutation[permutation[xi + 1] + yi + 1];
        double x1 = lerp(u, dot(aa, dx, dy), dot(ba, dx - 1, dy));
        double x2 = lerp(u, dot(ab, dx, dy - 1), dot(bb, dx - 1, dy - 1));
        return lerp(v, x1, x2);
    }

    private double dot(int hash, double x, double y) {
        int g = hash & (DIRECTIONS - 1);
        return gradientX[g] * x + gradientY[g] * y;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    private static double lerp(double t, double a, double b) {
        return a + t * (b - a);
    }
}
