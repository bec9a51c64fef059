package org.megacity.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * Lays unit grids over a community that has none: square cells of about the requested area
 * (10,000 m² by default, the "万米单元网格"), clipped to the community. A clipped piece smaller
 * than {@value #SLIVER_FRACTION} of a cell joins the neighbouring piece it shares the longest
 * border with, so every grid is of a workable size. Grids are numbered 001, 002, … west to east
 * within each row, rows from north to south, and their codes are the community's code followed by
 * that sequence. Boundaries follow the right-hand rule (exterior rings counter-clockwise).
 */
public final class GridLayout {

    /** The standard unit grid: about ten thousand square metres. */
    public static final double STANDARD_CELL_SQUARE_METRES = 10_000;

    /** A clipped piece below this fraction of a cell is merged into a neighbour. */
    public static final double SLIVER_FRACTION = 0.3;

    private static final int MAX_GRIDS = 999;

    private GridLayout() {
    }

    /** Grids of the standard size over a community. */
    public static List<Division> cover(Division community) {
        return cover(community, STANDARD_CELL_SQUARE_METRES);
    }

    /**
     * Grids of about {@code cellSquareMetres} each over a community.
     *
     * @throws IllegalArgumentException when the division is not a community, or would need more
     *                                  than 999 grids at this cell size
     */
    public static List<Division> cover(Division community, double cellSquareMetres) {
        if (community.level() != DivisionLevel.COMMUNITY) {
            throw new IllegalArgumentException(community.code() + " is a " + community.level().nameEn()
                    + "; grids are laid over communities");
        }
        if (!(cellSquareMetres > 0)) {
            throw new IllegalArgumentException("cell area must be positive");
        }
        Geometry boundary = community.boundary();
        GeometryFactory factory = boundary.getFactory();
        GeoMeasure measure = GeoMeasure.around(boundary);
        double side = Math.sqrt(cellSquareMetres);
        double dLon = side / measure.metresPerDegreeLon();
        double dLat = side / measure.metresPerDegreeLat();
        Envelope box = boundary.getEnvelopeInternal();
        int columns = Math.max(1, (int) Math.ceil(box.getWidth() / dLon));
        int rows = Math.max(1, (int) Math.ceil(box.getHeight() / dLat));
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary);
        double cellDegrees = dLon * dLat;

        Map<Long, Piece> pieces = new HashMap<>();
        for (int row = 0; row < rows; row++) {
            double north = box.getMaxY() - row * dLat;
            double south = box.getMaxY() - (row + 1) * dLat;
            for (int column = 0; column < columns; column++) {
                double west = box.getMinX() + column * dLon;
                double east = box.getMinX() + (column + 1) * dLon;
                Geometry cell = factory.toGeometry(new Envelope(west, east, south, north));
                Geometry piece;
                if (prepared.contains(cell)) {
                    piece = cell;
                } else if (prepared.intersects(cell)) {
                    piece = polygonal(OverlayNGRobust.overlay(boundary, cell, OverlayNG.INTERSECTION), factory);
                    if (piece == null) {
                        continue;
                    }
                } else {
                    continue;
                }
                pieces.put(key(row, column), new Piece(row, column, piece));
            }
        }

        mergeSlivers(pieces, cellDegrees * SLIVER_FRACTION);

        List<Piece> ordered = new ArrayList<>(pieces.values());
        ordered.sort(Comparator.comparingInt(Piece::row).thenComparingInt(Piece::column));
        if (ordered.size() > MAX_GRIDS) {
            throw new IllegalArgumentException("community " + community.code() + " would need " + ordered.size()
                    + " grids of " + Math.round(cellSquareMetres) + " m², more than the 999 a 3-digit sequence allows;"
                    + " choose a larger cell");
        }
        List<Division> grids = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            String sequence = String.format("%03d", i + 1);
            grids.add(new Division(DivisionCode.of(community.code().value() + sequence),
                    community.name() + "第" + sequence + "网格",
                    (community.nameEn().isEmpty() ? community.code().value() : community.nameEn()) + " Grid " + sequence,
                    RightHandRule.apply(ordered.get(i).geometry)));
        }
        return grids;
    }

    private static void mergeSlivers(Map<Long, Piece> pieces, double sliverDegrees) {
        List<Piece> slivers = pieces.values().stream().filter(p -> p.geometry.getArea() < sliverDegrees)
                .sorted(Comparator.comparingDouble(p -> p.geometry.getArea())).toList();
        for (Piece sliver : slivers) {
            if (pieces.get(key(sliver.row, sliver.column)) != sliver || sliver.geometry.getArea() >= sliverDegrees) {
                continue;
            }
            Piece best = null;
            double bestShared = 0;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    Piece neighbour = pieces.get(key(sliver.row + dr, sliver.column + dc));
                    if (neighbour == null || neighbour == sliver) {
                        continue;
                    }
                    double shared = sliver.geometry.intersection(neighbour.geometry).getLength();
                    if (shared > bestShared) {
                        bestShared = shared;
                        best = neighbour;
                    }
                }
            }
            if (best != null) {
                Geometry merged = polygonal(OverlayNGRobust.overlay(best.geometry, sliver.geometry, OverlayNG.UNION),
                        best.geometry.getFactory());
                pieces.remove(key(sliver.row, sliver.column));
                pieces.put(key(best.row, best.column), new Piece(best.row, best.column, merged));
            }
        }
    }

    /** The polygonal part of an overlay result, or null when it has no area. */
    private static Geometry polygonal(Geometry geometry, GeometryFactory factory) {
        if (geometry instanceof Polygonal) {
            return geometry.isEmpty() ? null : geometry;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
        polygons = polygons.stream().filter(p -> !p.isEmpty() && p.getArea() > 0).toList();
        if (polygons.isEmpty()) {
            return null;
        }
        return polygons.size() == 1 ? polygons.get(0)
                : (MultiPolygon) factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | (column & 0xffffffffL);
    }

    private record Piece(int row, int column, Geometry geometry) {
    }
}
