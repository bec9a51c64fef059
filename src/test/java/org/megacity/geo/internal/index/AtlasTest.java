package org.megacity.geo.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.SyntheticCity;

/** The atlas answers lookups before its raster index is built, and the same answers after. */
class AtlasTest {

    static final List<Division> CITY = SyntheticCity.generate(11, SyntheticCity.Plan.small());

    @Test
    void theTreePathAnswersAsTheRasterIndexDoes() {
        Atlas atlas = Atlas.of(CITY);
        LocateIndex index = atlas.locator();
        Envelope box = new Envelope();
        atlas.level(DivisionLevel.GRID, null).forEach(g -> box.expandToInclude(g.boundary().getEnvelopeInternal()));
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            double x = box.getMinX() + random.nextDouble() * box.getWidth();
            double y = box.getMinY() + random.nextDouble() * box.getHeight();
            assertThat(atlas.locateByTree(x, y)).as("(%s, %s)", x, y).isEqualTo(index.locate(x, y));
        }
    }

    @Test
    void theTreePathAgreesOnSharedVertices() {
        Atlas atlas = Atlas.of(CITY);
        LocateIndex index = atlas.locator();
        for (Division grid : atlas.level(DivisionLevel.GRID, null).subList(0, 200)) {
            for (Coordinate c : grid.boundary().getCoordinates()) {
                assertThat(atlas.locateByTree(c.x, c.y)).as("vertex (%s, %s)", c.x, c.y).isEqualTo(index.locate(c.x, c.y));
            }
        }
    }

    @Test
    void locatesWhileAndAfterTheIndexIsBuilt() {
        Atlas atlas = Atlas.of(CITY);
        Division grid = atlas.level(DivisionLevel.GRID, null).get(17);
        Coordinate inside = grid.boundary().getInteriorPoint().getCoordinate();

        assertThat(atlas.locateGrid(inside.x, inside.y)).isEqualTo(grid);
        atlas.locator();
        assertThat(atlas.locateGrid(inside.x, inside.y)).isEqualTo(grid);
        assertThat(atlas.locateGrid(0, 0)).isNull();
    }
}
