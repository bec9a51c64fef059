package org.megacity.geo.internal.index;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The reference answer: the first polygon in order whose closure JTS says contains the point. The
 * STRtree only skips polygons whose bounding box misses the point, which cannot change the answer.
 */
final class BruteForceLocator {

    private final IndexedPointInAreaLocator[] locators;
    private final STRtree tree = new STRtree();

    BruteForceLocator(List<? extends Geometry> geometries) {
        locators = new IndexedPointInAreaLocator[geometries.size()];
        for (int i = 0; i < geometries.size(); i++) {
            locators[i] = new IndexedPointInAreaLocator(geometries.get(i));
            tree.insert(geometries.get(i).getEnvelopeInternal(), i);
        }
        tree.build();
    }

    int locate(double x, double y) {
        Coordinate point = new Coordinate(x, y);
        int best = -1;
        for (Object item : tree.query(new Envelope(point))) {
            int i = (Integer) item;
            if ((best < 0 || i < best) && locators[i].locate(point) != Location.EXTERIOR) {
                best = i;
            }
        }
        return best;
    }
}
