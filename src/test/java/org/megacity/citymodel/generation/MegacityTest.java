package org.megacity.citymodel.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.megacity.citymodel.CityScale;

/**
 * The megacity at the default seed, checked whole: Chongqing's counts, every level tiling its
 * parents, valid boundaries, codes and names. Generation and checks take about a minute on two cores;
 * the timing itself is measured by {@code GenerationBenchmark}, not here.
 */
class MegacityTest {

    static GeneratedCity city;

    @BeforeAll
    static void generate() {
        city = new CityGenerator().generate(CityScale.MEGACITY, CityGenerator.DEFAULT_SEED, GenerationProgress.silent());
    }

    @Test
    void hasChongqingsCounts() {
        assertThat(city.districts()).hasSize(41);
        assertThat(city.streets()).hasSize(1_031);
        assertThat(city.communities()).hasSize(11_000);
        assertThat(city.grids()).hasSizeBetween(60_140, 63_860); // 62,000 ± 3 %
        assertThat(CityChecks.mostGridsInACommunity(city)).isLessThanOrEqualTo(999);
    }

    @Test
    void eachLevelTilesItsParentWithoutGapsOrOverlaps() {
        assertThat(CityChecks.districtOverlaps(city.districts())).isEmpty();
        assertThat(CityChecks.tilingProblems(city.districts(), city.streets(), 1e-9)).isEmpty();
        assertThat(CityChecks.tilingProblems(city.streets(), city.communities(), 1e-9)).isEmpty();
        assertThat(CityChecks.tilingProblems(city.communities(), city.grids(), 1e-7)).isEmpty();
    }

    @Test
    void everyBoundaryIsValidAndEveryCodeAndNameIsInOrder() {
        assertThat(CityChecks.invalidBoundaries(city)).isEmpty();
        assertThat(CityChecks.codeProblems(city)).isEmpty();
        assertThat(CityChecks.nameProblems(city)).isEmpty();
    }

    @Test
    void theCentreIsDenseAndTheOutskirtsSparse() {
        var measure = org.megacity.geo.GeoMeasure.at(LocalPlane.CENTRE_LAT);
        double central = measure.squareMetres(city.districts().get(0).boundary());
        double outer = measure.squareMetres(city.districts().get(city.districts().size() - 1).boundary());
        assertThat(outer).isGreaterThan(5 * central);
        // the outskirts have towns and villages as well as subdistricts and communities
        assertThat(city.streets()).anySatisfy(s -> assertThat(s.name()).endsWith("镇"));
        assertThat(city.communities()).anySatisfy(c -> assertThat(c.name()).endsWith("村"));
    }
}
