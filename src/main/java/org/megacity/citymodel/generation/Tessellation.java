package org.megacity.citymodel.generation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Cuts a polygon into cells around seeds, with organic borders that neighbours share exactly.
 *
 * <ol>
 * <li>The Voronoi diagram of the seeds (JTS) gives straight borders; each border is taken once.</li>
 * <li>Each border is densified and every point moved by a smooth {@link Displacement} field. The
 *     field depends on position only, so borders meeting at a Voronoi vertex still meet.</li>
 * <li>The bent borders and the parent's boundary are noded together (one unary union) and
 *     polygonized: the faces inside the parent tile it exactly, and the children's outer borders
 *     are the parent's own vertices plus the nodes where borders meet it.</li>
 * <li>A face takes the seed whose displaced position lies in it. Faces without a seed (cut off by a
 *     concave parent, or where bent borders crossed) join the neighbour they share most border with;
 *     cells far smaller than expected are dissolved the same way.</li>
 * </ol>
 * Coordinates are metres on the local plane.
 */
final class Tessellation {

    /** A cell smaller than this fraction of its expected weight is dissolved into a neighbour. */
    static final double TINY_FRACTION = 0.2;

    /** A cell of the result: the index of its seed and its polygon. */
    record Cell(int seed, Polygon polygon) {
    }

    private Tessellation() {
    }

    /**
     * Tiles {@code parent} with one cell per surviving seed, ordered by seed index. Seeds may be lost
     * (when their displaced position leaves the parent or their cell is tiny); callers that need an
     * exact count try other seeds.
     */
    static List<Cell> tile(Polygon parent, List<Coordinate> seeds, Displacement field, GeometryFactory factory) {
        if (seeds.size() <= 1) {
            return seeds.isEmpty() ? List.of() : List.of(new Cell(0, parent));
        }
        List<Geometry> lines = bentVoronoiBorders(parent, seeds, field, factory);
        lines.add(factory.createLineString(parent.getExteriorRing().getCoordinateSequence()));
        for (int i = 0; i < parent.getNumInteriorRing(); i++) {
            lines.add(factory.createLineString(parent.getInteriorRingN(i).getCoordinateSequence()));
        }
        return cells(parent, polygonize(lines, factory), seeds, field);
    }

    /**
     * Tiles {@code parent} along fixed lines (e.g. rivers) that cross it: the faces inside the parent,
     * in no particular order but deterministically.
     */
    static List<Polygon> split(Polygon parent, List<LineString> cuts, GeometryFactory factory) {
        List<Geometry> lines = new ArrayList<>(cuts);
        lines.add(factory.createLineString(parent.getExteriorRing().getCoordinateSequence()));
        List<Polygon> faces = polygonize(lines, factory);
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(parent);
        return faces.stream().filter(f -> inside.locate(f.getInteriorPoint().getCoordinate()) == Location.INTERIOR)
                .toList();
    }

    private static List<Geometry> bentVoronoiBorders(Polygon parent, List<Coordinate> seeds, Displacement field,
            GeometryFactory factory) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        @SuppressWarnings("unchecked")
        List<Polygon> voronoi = builder.getSubdivision().getVoronoiCellPolygons(factory);
        Envelope box = new Envelope(parent.getEnvelopeInternal());
        box.expandBy(0.25 * Math.max(box.getWidth(), box.getHeight()));
        Set<Faces.Segment> seen = new HashSet<>();
        List<Geometry> lines = new ArrayList<>();
        for (Polygon cell : voronoi) {
            Coordinate[] ring = cell.getExteriorRing().getCoordinates();
            for (int i = 0; i < ring.length - 1; i++) {
                Coordinate a = ring[i];
                Coordinate b = ring[i + 1];
                if (a.equals2D(b) || !seen.add(Faces.Segment.of(a.x, a.y, b.x, b.y))) {
                    continue;
                }
                Coordinate[] clipped = clip(a, b, box);
                if (clipped != null) {
                    lines.add(bend(clipped[0], clipped[1], field, factory));
                }
            }
        }
        return lines;
    }

    /** Densifies a straight border and moves each point by the field; the ends are moved as given. */
    private static LineString bend(Coordinate a, Coordinate b, Displacement field, GeometryFactory factory) {
        double length = a.distance(b);
        double step = field.step((a.x + b.x) / 2, (a.y + b.y) / 2);
        int pieces = Math.max(1, (int) Math.ceil(length / step));
        Coordinate[] points = new Coordinate[pieces + 1];
        points[0] = field.apply(a.x, a.y);
        for (int i = 1; i < pieces; i++) {
            double t = (double) i / pieces;
            points[i] = field.apply(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        }
        points[pieces] = field.apply(b.x, b.y);
        return factory.createLineString(points);
    }

    /** The part of segment a–b inside the box (Liang–Barsky), or null; ends inside are kept as they are. */
    static Coordinate[] clip(Coordinate a, Coordinate b, Envelope box) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x - box.getMinX(), box.getMaxX() - a.x, a.y - box.getMinY(), box.getMaxY() - a.y};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        if (t0 >= t1) {
            return null;
        }
        Coordinate from = t0 == 0 ? a : new Coordinate(a.x + t0 * dx, a.y + t0 * dy);
        Coordinate to = t1 == 1 ? b : new Coordinate(a.x + t1 * dx, a.y + t1 * dy);
        return new Coordinate[] {from, to};
    }

    @SuppressWarnings("unchecked")
    private static List<Polygon> polygonize(List<Geometry> lines, GeometryFactory factory) {
        Geometry noded = OverlayNGRobust.union(factory.buildGeometry(lines));
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        // The polygonizer's order of faces, and where each ring starts, vary from run to run (hashing
        // inside its planar graph): put each face in canonical form and sort them, for determinism.
        List<Polygon> faces = new ArrayList<>();
        for (Polygon face : (java.util.Collection<Polygon>) polygonizer.getPolygons()) {
            faces.add(Canonical.polygon(face));
        }
        faces.sort(Tessellation::compareByEnvelope);
        return faces;
    }

    private static int compareByEnvelope(Polygon a, Polygon b) {
        Envelope ea = a.getEnvelopeInternal();
        Envelope eb = b.getEnvelopeInternal();
        int c = Double.compare(ea.getMinX(), eb.getMinX());
        if (c == 0) {
            c = Double.compare(ea.getMinY(), eb.getMinY());
        }
        if (c == 0) {
            c = Double.compare(ea.getMaxX(), eb.getMaxX());
        }
        if (c == 0) {
            c = Double.compare(ea.getMaxY(), eb.getMaxY());
        }
        if (c == 0) {
            c = Double.compare(a.getArea(), b.getArea());
        }
        return c;
    }

    private static List<Cell> cells(Polygon parent, List<Polygon> allFaces, List<Coordinate> seeds,
            Displacement field) {
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(parent);
        List<Polygon> faces = allFaces.stream()
                .filter(f -> inside.locate(f.getInteriorPoint().getCoordinate()) == Location.INTERIOR).toList();
        Faces arrangement = new Faces(faces);

        // 1. each seed claims the face its displaced position lies in
        STRtree index = new STRtree();
        for (int i = 0; i < faces.size(); i++) {
            index.insert(faces.get(i).getEnvelopeInternal(), i);
        }
        int[] seedOfFace = new int[faces.size()];
        java.util.Arrays.fill(seedOfFace, -1);
        for (int s = 0; s < seeds.size(); s++) {
            Coordinate moved = field.apply(seeds.get(s).x, seeds.get(s).y);
            @SuppressWarnings("unchecked")
            List<Integer> candidates = index.query(new Envelope(moved));
            candidates.sort(Integer::compare);
            for (int f : candidates) {
                if (seedOfFace[f] < 0 && SimplePointInAreaLocator.locate(moved, faces.get(f)) == Location.INTERIOR) {
                    seedOfFace[f] = s;
                    break;
                }
            }
        }

        // 2. faces without a seed join the seeded neighbour they share most border with
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < faces.size(); f++) {
                if (seedOf(arrangement, seedOfFace, f) >= 0) {
                    continue;
                }
                int best = bestNeighbour(arrangement, f, seedOfFace, true);
                if (best >= 0) {
                    arrangement.merge(f, best);
                    changed = true;
                }
            }
        }

        // 3. dissolve cells far below their expected weight, smallest first
        double expected = Density.weight(parent) / seeds.size();
        while (true) {
            Map<Integer, List<Integer>> groups = arrangement.groups();
            int smallest = -1;
            double smallestWeight = Double.MAX_VALUE;
            for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
                double weight = 0;
                for (int f : group.getValue()) {
                    weight += Density.weight(faces.get(f));
                }
                if (weight < smallestWeight) {
                    smallestWeight = weight;
                    smallest = group.getKey();
                }
            }
            if (groups.size() <= 1 || smallestWeight >= TINY_FRACTION * expected) {
                break;
            }
            int into = bestNeighbour(arrangement, smallest, seedOfFace, false);
            if (into < 0) {
                break;
            }
            for (int f = 0; f < faces.size(); f++) {
                if (arrangement.groupOf(f) == arrangement.groupOf(smallest)) {
                    seedOfFace[f] = -1;
                }
            }
            arrangement.merge(smallest, into);
        }

        List<Cell> cells = new ArrayList<>();
        for (List<Integer> members : arrangement.groups().values()) {
            int seed = -1;
            for (int f : members) {
                if (seedOfFace[f] >= 0 && (seed < 0 || seedOfFace[f] < seed)) {
                    seed = seedOfFace[f];
                }
            }
            Geometry union = arrangement.union(members);
            if (!(union instanceof Polygon polygon) || seed < 0) {
                throw new IllegalStateException("a cell of the tessellation is " + union.getGeometryType()
                        + (seed < 0 ? " without a seed" : ""));
            }
            cells.add(new Cell(seed, Canonical.polygon(polygon)));
        }
        cells.sort(java.util.Comparator.comparingInt(Cell::seed));
        return cells;
    }

    private static int seedOf(Faces arrangement, int[] seedOfFace, int face) {
        int group = arrangement.groupOf(face);
        for (int f = 0; f < seedOfFace.length; f++) {
            if (seedOfFace[f] >= 0 && arrangement.groupOf(f) == group) {
                return seedOfFace[f];
            }
        }
        return -1;
    }

    /** The neighbouring group sharing the longest border, optionally only among seeded groups; or -1. */
    private static int bestNeighbour(Faces arrangement, int face, int[] seedOfFace, boolean seededOnly) {
        int best = -1;
        double bestLength = 0;
        for (Map.Entry<Integer, Double> e : arrangement.neighbours(face).entrySet()) {
            if (seededOnly && seedOf(arrangement, seedOfFace, e.getKey()) < 0) {
                continue;
            }
            if (e.getValue() > bestLength || (e.getValue() == bestLength && e.getKey() < best)) {
                best = e.getKey();
                bestLength = e.getValue();
            }
        }
        return best;
    }
}
