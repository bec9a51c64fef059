package org.megacity.citymodel.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.megacity.citymodel.CityScale;
import org.megacity.citymodel.LandscapeKind;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;

/** The small city, as the tests and {@code ./megacity demo --scale small} get it. */
class SmallCityTest {

    static GeneratedCity city;

    @BeforeAll
    static void generate() {
        city = new CityGenerator().generate(CityScale.SMALL, 7, GenerationProgress.silent());
    }

    @Test
    void hasTheScalesCounts() {
        assertThat(city.districts()).hasSize(3);
        assertThat(city.streets()).hasSize(18);
        assertThat(city.communities()).hasSize(180);
        assertThat(city.grids()).hasSizeBetween(900, 1_100);
    }

    @Test
    void eachLevelTilesItsParentWithoutGapsOrOverlaps() {
        assertThat(CityChecks.districtOverlaps(city.districts())).isEmpty();
        assertThat(CityChecks.tilingProblems(city.districts(), city.streets(), 1e-9)).isEmpty();
        assertThat(CityChecks.tilingProblems(city.streets(), city.communities(), 1e-9)).isEmpty();
        assertThat(CityChecks.tilingProblems(city.communities(), city.grids(), 1e-7)).isEmpty();
    }

    @Test
    void everyBoundaryIsAValidPolygon() {
        assertThat(CityChecks.invalidBoundaries(city)).isEmpty();
    }

    @Test
    void codesNestAndNamesAreBilingualAndUniqueAmongSiblings() {
        assertThat(CityChecks.codeProblems(city)).isEmpty();
        assertThat(CityChecks.nameProblems(city)).isEmpty();
        assertThat(city.districts()).extracting(d -> d.code().value()).containsExactly("500101", "500102", "500103");
        assertThat(city.streets()).allSatisfy(s -> assertThat(s.level()).isEqualTo(DivisionLevel.STREET));
        assertThat(city.grids()).allSatisfy(g -> assertThat(g.level()).isEqualTo(DivisionLevel.GRID));
    }

    @Test
    void unitGridsAreAboutTenThousandSquareMetresAtTheCentre() {
        var measure = org.megacity.geo.GeoMeasure.at(LocalPlane.CENTRE_LAT);
        double[] areas = city.grids().stream().mapToDouble(g -> measure.squareMetres(g.boundary())).sorted().toArray();
        double median = areas[areas.length / 2];
        assertThat(median).isBetween(6_000.0, 12_000.0);
        assertThat(CityChecks.mostGridsInACommunity(city)).isLessThanOrEqualTo(999);
    }

    @Test
    void theRiversCrossTheCityAndBorderItsDistricts() {
        assertThat(city.landscape()).extracting(f -> f.id()).containsExactly("river-yangtze", "river-jialing");
        assertThat(city.landscape()).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(LandscapeKind.RIVER);
            assertThat(f.geometry().isValid()).isTrue();
            assertThat(f.geometry().getArea()).isPositive();
        });
        Geometry cityArea = OverlayNGRobust.union(city.districts().stream().map(Division::boundary).toList());
        Geometry water = OverlayNGRobust.union(city.landscape().stream().map(f -> f.geometry()).toList());
        assertThat(OverlayNGRobust.overlay(water, cityArea, OverlayNG.DIFFERENCE).getArea())
                .isLessThan(1e-9 * water.getArea() + 1e-12);
        // each district touches the Yangtze's water: they are the three banks around the confluence
        Geometry yangtze = city.landscape().get(0).geometry();
        assertThat(city.districts()).allSatisfy(d -> assertThat(d.boundary().intersects(yangtze)).isTrue());
    }

    @Test
    void theSameSeedGivesTheSameCityAndAnotherSeedAnother() {
        GeneratedCity again = new CityGenerator().generate(CityScale.SMALL, 7, GenerationProgress.silent());
        GeneratedCity other = new CityGenerator().generate(CityScale.SMALL, 8, GenerationProgress.silent());

        assertThat(CityChecks.differences(city, again)).isEmpty();
        assertThat(CityChecks.differences(city, other)).isNotEmpty();
    }

    @Test
    void isTheSameWhenGeneratedOnOneThread() throws Exception {
        var pool = new java.util.concurrent.ForkJoinPool(1);
        try {
            GeneratedCity single = pool.submit(() -> new CityGenerator().generate(CityScale.SMALL, 7,
                    GenerationProgress.silent())).get();
            assertThat(CityChecks.differences(city, single)).isEmpty();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void namesDistrictsStreetsAndCommunitiesInChineseAndPinyin() {
        Division district = city.districts().get(0);
        assertThat(district.name()).endsWith("区");
        assertThat(district.nameEn()).endsWith(" District");
        List<Division> streets = city.streets().stream().filter(s -> s.code().isWithin(district.code())).toList();
        assertThat(streets).allSatisfy(s -> assertThat(s.name()).endsWith("街道"));
        assertThat(streets).allSatisfy(s -> assertThat(s.nameEn()).endsWith(" Subdistrict"));
    }
}
