package org.megacity.geo.internal.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class Gcj02Test {

    /** Published pairs of the open implementations' test suites: {wgsLon, wgsLat, gcjLon, gcjLat}. */
    static final double[][] REFERENCE = {
            {121.5272106, 31.1774276, 121.531541859215, 31.17530398364597}, // Shanghai
            {113.912316, 22.543847, 113.9171764808363, 22.540796131694766}, // Shenzhen
            {116.377817, 39.911954, 116.38404722455657, 39.91334545536069}, // Beijing
            {116.404, 39.915, 116.41024449916938, 39.91640428150164}, // Beijing, Tiananmen
    };

    @Test
    void forwardMatchesThePublishedPairs() {
        for (double[] pair : REFERENCE) {
            double[] gcj = Gcj02.fromWgs84(pair[0], pair[1]);
            assertThat(gcj[0]).isCloseTo(pair[2], offset(1e-9));
            assertThat(gcj[1]).isCloseTo(pair[3], offset(1e-9));
        }
    }

    @Test
    void inverseRecoversWgs84WithinAMillimetre() {
        for (double[] pair : REFERENCE) {
            double[] wgs = Gcj02.toWgs84(pair[2], pair[3]);
            assertThat(wgs[0]).isCloseTo(pair[0], offset(1e-8));
            assertThat(wgs[1]).isCloseTo(pair[1], offset(1e-8));
        }
    }

    @Test
    void inverseUndoesForwardAnywhereInChina() {
        qt().forAll(doubles().between(73, 135), doubles().between(18, 53)).checkAssert((lon, lat) -> {
            double[] gcj = Gcj02.fromWgs84(lon, lat);
            double[] back = Gcj02.toWgs84(gcj[0], gcj[1]);
            assertThat(back[0]).isCloseTo(lon, offset(1e-9));
            assertThat(back[1]).isCloseTo(lat, offset(1e-9));
        });
    }

    @Test
    void noOffsetOutsideChina() {
        assertThat(Gcj02.fromWgs84(2.3522, 48.8566)).containsExactly(2.3522, 48.8566);
        assertThat(Gcj02.toWgs84(-74.006, 40.7128)).containsExactly(-74.006, 40.7128);
    }

    @Test
    void chongqingIsShiftedByAFewHundredMetres() {
        double[] gcj = Gcj02.fromWgs84(106.55, 29.56);
        assertThat(gcj[0] - 106.55).isBetween(0.001, 0.01);
        assertThat(gcj[1] - 29.56).isBetween(-0.01, 0.0);
    }
}
