package org.megacity.assets;

import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * A pipe between two nodes of the same utility.
 *
 * @param path        the centre line as longitude/latitude pairs ({@code [lon0, lat0, lon1, lat1, …]}),
 *                    from the {@code fromNode} to the {@code toNode}; at least two positions. Not copied:
 *                    do not change it.
 * @param diameterMm  nominal diameter in millimetres
 * @param depthM      depth of the pipe's top below the surface, in metres
 * @param operator    the department code of the operator (organization module), e.g. {@code gas}
 */
public record PipeSegment(long id, Utility utility, long fromNode, long toNode, String material, int diameterMm,
        int installYear, String pressureClass, double depthM, String operator, double[] path) implements Asset {

    public PipeSegment {
        Objects.requireNonNull(utility, "utility");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(pressureClass, "pressureClass");
        Objects.requireNonNull(operator, "operator");
        if (path == null || path.length < 4 || path.length % 2 != 0) {
            throw new IllegalArgumentException("a segment's path has at least two positions");
        }
    }

    @Override
    public AssetType type() {
        return AssetType.PIPE_SEGMENT;
    }

    @Override
    public LineString geometry() {
        return Geometries.FACTORY.createLineString(new PackedCoordinateSequence.Double(path, 2, 0));
    }

    @Override
    public Envelope envelope() {
        Envelope e = new Envelope();
        for (int i = 0; i < path.length; i += 2) {
            e.expandToInclude(path[i], path[i + 1]);
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipeSegment s && s.id == id && s.utility == utility && s.fromNode == fromNode
                && s.toNode == toNode && s.material.equals(material) && s.diameterMm == diameterMm
                && s.installYear == installYear && s.pressureClass.equals(pressureClass)
                && Double.compare(s.depthM, depthM) == 0 && s.operator.equals(operator)
                && java.util.Arrays.equals(s.path, path);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + java.util.Arrays.hashCode(path);
    }

    @Override
    public String toString() {
        return "PipeSegment[" + id + " " + utility.id() + " " + fromNode + "->" + toNode + "]";
    }
}
