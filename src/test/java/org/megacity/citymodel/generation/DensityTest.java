package org.megacity.citymodel.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class DensityTest {

    static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void theGridCellIsTenThousandSquareMetresAtTheCentreAndGrowsOutward() {
        assertThat(Density.gridCellSquareMetres(0, 0)).isEqualTo(10_000);
        assertThat(Density.gridCellSquareMetres(Density.R0, 0)).isEqualTo(20_000);
        assertThat(Density.gridCellSquareMetres(0, 40_000)).isCloseTo(10_000 * (1 + 40.0 * 40 / 49), within(1e-6));
    }

    @Test
    void theWeightOfAPolygonIsTheIntegralOfOneOverTheAreaFactor() {
        Polygon square = (Polygon) FACTORY.toGeometry(new Envelope(3_000, 9_000, -2_000, 5_000));
        double numeric = 0;
        int n = 600;
        double dx = 6_000.0 / n;
        double dy = 7_000.0 / n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                numeric += dx * dy / Density.areaFactor(3_000 + (i + 0.5) * dx, -2_000 + (j + 0.5) * dy);
            }
        }
        assertThat(Density.weight(square)).isCloseTo(numeric, within(1e-5 * numeric));
    }

    @Test
    void theWeightOfADiscAroundTheCentreHasAClosedForm() {
        Polygon disc = (Polygon) FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0)).buffer(20_000, 256);
        double exact = 2 * Math.PI * Density.weightWithin(20_000);
        assertThat(Density.weight(disc)).isCloseTo(exact, within(1e-3 * exact));
    }

    @Test
    void aHoleIsNotCounted() {
        Polygon withHole = (Polygon) FACTORY.toGeometry(new Envelope(-5_000, 5_000, -5_000, 5_000))
                .difference(FACTORY.toGeometry(new Envelope(-1_000, 1_000, -1_000, 1_000)));
        Polygon hole = (Polygon) FACTORY.toGeometry(new Envelope(-1_000, 1_000, -1_000, 1_000));
        Polygon whole = (Polygon) FACTORY.toGeometry(new Envelope(-5_000, 5_000, -5_000, 5_000));
        assertThat(Density.weight(withHole)).isCloseTo(Density.weight(whole) - Density.weight(hole), within(1e-6));
    }
}
