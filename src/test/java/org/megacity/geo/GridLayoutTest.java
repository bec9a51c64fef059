package org.megacity.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class GridLayoutTest {

    static final GeometryFactory FACTORY = new GeometryFactory();

    /** A community about {@code widthMetres} by {@code heightMetres} near Chongqing's centre. */
    static Division community(double widthMetres, double heightMetres) {
        GeoMeasure measure = GeoMeasure.at(29.56);
        double w = widthMetres / measure.metresPerDegreeLon();
        double h = heightMetres / measure.metresPerDegreeLat();
        return new Division(DivisionCode.of("500103001002"), "解放碑社区", "Jiefangbei",
                FACTORY.toGeometry(new Envelope(106.57, 106.57 + w, 29.55, 29.55 + h)));
    }

    @Test
    void coversASquareCommunityWithTenThousandSquareMetreCells() {
        List<Division> grids = GridLayout.cover(community(300, 300));

        assertThat(grids).hasSize(9);
        GeoMeasure measure = GeoMeasure.at(29.56);
        assertThat(grids).allSatisfy(g -> assertThat(measure.squareMetres(g.boundary())).isBetween(9_900.0, 10_100.0));
        assertThat(grids).extracting(g -> g.code().value())
                .containsExactly("500103001002001", "500103001002002", "500103001002003", "500103001002004",
                        "500103001002005", "500103001002006", "500103001002007", "500103001002008", "500103001002009");
    }

    @Test
    void numbersWestToEastThenNorthToSouth() {
        List<Division> grids = GridLayout.cover(community(300, 300));

        Coordinate first = grids.get(0).boundary().getCentroid().getCoordinate();
        Coordinate second = grids.get(1).boundary().getCentroid().getCoordinate();
        Coordinate fourth = grids.get(3).boundary().getCentroid().getCoordinate();
        assertThat(second.x).isGreaterThan(first.x);
        assertThat(fourth.y).isLessThan(first.y);
    }

    @Test
    void gridsTileTheCommunityAndMergeSlivers() {
        Division irregular = new Division(DivisionCode.of("500103001003"), "", "",
                FACTORY.createPolygon(new Coordinate[] {
                        new Coordinate(106.570, 29.550), new Coordinate(106.5745, 29.5502),
                        new Coordinate(106.5751, 29.5538), new Coordinate(106.5712, 29.5541),
                        new Coordinate(106.5703, 29.5520), new Coordinate(106.570, 29.550)}));

        List<Division> grids = GridLayout.cover(irregular);

        Geometry union = UnaryUnionOp.union(grids.stream().map(Division::boundary).toList());
        assertThat(union.symDifference(irregular.boundary()).getArea()).isLessThan(irregular.boundary().getArea() * 1e-9);
        double totalOfParts = grids.stream().mapToDouble(g -> g.boundary().getArea()).sum();
        assertThat(totalOfParts).isCloseTo(irregular.boundary().getArea(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        GeoMeasure measure = GeoMeasure.around(irregular.boundary());
        assertThat(grids).allSatisfy(g -> assertThat(measure.squareMetres(g.boundary()))
                .isGreaterThan(GridLayout.SLIVER_FRACTION * GridLayout.STANDARD_CELL_SQUARE_METRES));
    }

    @Test
    void gridsFollowTheRightHandRule() {
        assertThat(GridLayout.cover(community(300, 200))).allSatisfy(g -> assertThat(RightHandRule.holds(g.boundary())).isTrue());
    }

    @Test
    void refusesMoreThanNineHundredNinetyNineGrids() {
        assertThatThrownBy(() -> GridLayout.cover(community(4_000, 4_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
    }

    @Test
    void laysGridsOnlyOverCommunities() {
        Division district = new Division(DivisionCode.of("500103"), "渝中区", "Yuzhong", community(300, 300).boundary());

        assertThatThrownBy(() -> GridLayout.cover(district)).hasMessageContaining("communities");
    }
}
