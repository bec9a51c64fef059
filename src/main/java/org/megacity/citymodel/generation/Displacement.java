package org.megacity.citymodel.generation;

import org.locationtech.jts.geom.Coordinate;

/**
 * A smooth displacement field that bends the straight borders of one level of divisions into organic
 * ones. It is a function of position only, so a point shared by several borders moves to one place and
 * neighbours keep sharing their border exactly.
 *
 * <p>The field is a sum of layers, one per level from this one down to the finest: a district border
 * bends at the scale of districts and wiggles at the scales of streets and communities, as real
 * borders do where they follow roads, ridges and streams. Each layer's amplitude and wavelength scale
 * with the local size of its level's divisions (large in the outskirts, small in the centre, through
 * {@link Density#warpFactor}), and the amplitude is kept small against the wavelength so that the
 * field stays close to a bijection and borders rarely cross.
 */
final class Displacement {

    /** Displacement amplitude as a fraction of the local division size. */
    static final double AMPLITUDE = 0.17;
    /** Wavelength of a layer's first octave as a fraction of the local division size. */
    static final double WAVELENGTH = 0.85;
    /** Points per wavelength of the finest layer when a straight border is densified before bending. */
    static final double POINTS_PER_WAVELENGTH = 6;

    private final GradientNoise[] noiseX;
    private final GradientNoise[] noiseY;
    private final double[] sizes;
    private final double[] weights;

    /**
     * @param seed    the seed of this level's field
     * @param sizes   the linear size (metres) at the city centre of one division of this level, then of
     *                each finer level
     * @param weights each layer's share of the amplitude
     */
    Displacement(long seed, double[] sizes, double[] weights) {
        this.sizes = sizes.clone();
        this.weights = weights.clone();
        this.noiseX = new GradientNoise[sizes.length];
        this.noiseY = new GradientNoise[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            noiseX[i] = new GradientNoise(CityGenerator.derive(seed, "x" + i));
            noiseY[i] = new GradientNoise(CityGenerator.derive(seed, "y" + i));
        }
    }

    /** Where the field moves a point (a new coordinate). */
    Coordinate apply(double x, double y) {
        double warp = Density.warpFactor(x, y) / WAVELENGTH;
        double u = x * warp;
        double v = y * warp;
        double local = AMPLITUDE * Density.lengthFactor(x, y);
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < sizes.length; i++) {
            double amplitude = local * sizes[i] * weights[i];
            dx += amplitude * noiseX[i].fractal(u / sizes[i], v / sizes[i]);
            dy += amplitude * noiseY[i].fractal(u / sizes[i], v / sizes[i]);
        }
        return new Coordinate(x + dx, y + dy);
    }

    /** The spacing (metres) at which a straight border near this point is densified before bending. */
    double step(double x, double y) {
        return WAVELENGTH * sizes[sizes.length - 1] * Density.lengthFactor(x, y) / POINTS_PER_WAVELENGTH;
    }
}
