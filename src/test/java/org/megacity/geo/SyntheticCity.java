package org.megacity.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A city for tests and benchmarks, deterministic from a seed: an irregular outline cut into
 * districts, streets and communities by clipped Voronoi cells (so boundaries run at every angle),
 * and unit grids laid over every community with {@link GridLayout}. Not the demo city (that is the
 * citymodel module's); this one exists so geo can be tested and measured on its own.
 */
public final class SyntheticCity {

    static final GeometryFactory FACTORY = new GeometryFactory();

    private SyntheticCity() {
    }

    /**
     * The size of a city.
     *
     * @param districts             how many districts
     * @param streetsPerDistrict    streets in each district
     * @param communitiesPerStreet  communities in each street
     * @param radiusMetres          the outline's mean radius
     * @param cellSquareMetres      the grid cell area
     */
    public record Plan(int districts, int streetsPerDistrict, int communitiesPerStreet, double radiusMetres,
            double cellSquareMetres) {

        /** About 1,000 grids: 3 districts, 3 streets each, 5 communities each. */
        public static Plan small() {
            return new Plan(3, 3, 5, 1_750, 10_000);
        }

        /** About 62,000 grids in 11,000 communities, as the megacity has. */
        public static Plan megacity() {
            return new Plan(41, 25, 11, 12_500, 10_600);
        }
    }

    /** Every division of the city, districts first, each level in code order. */
    public static List<Division> generate(long seed, Plan plan) {
        Random random = new Random(seed);
        double centreLon = 106.55;
        double centreLat = 29.56;
        GeoMeasure measure = GeoMeasure.at(centreLat);
        Geometry outline = outline(random, centreLon, centreLat, plan.radiusMetres(), measure);

        List<Division> all = new ArrayList<>();
        List<Geometry> districts = split(outline, plan.districts(), random);
        List<Division> communities = new ArrayList<>();
        for (int d = 0; d < districts.size(); d++) {
            String districtCode = String.valueOf(500101 + d);
            all.add(new Division(DivisionCode.of(districtCode), "区" + (d + 1), "District " + (d + 1), districts.get(d)));
            List<Geometry> streets = split(districts.get(d), plan.streetsPerDistrict(), random);
            for (int s = 0; s < streets.size(); s++) {
                String streetCode = districtCode + String.format("%03d", s + 1);
                all.add(new Division(DivisionCode.of(streetCode), "街道" + streetCode, "Street " + streetCode, streets.get(s)));
                List<Geometry> parts = split(streets.get(s), plan.communitiesPerStreet(), random);
                for (int c = 0; c < parts.size(); c++) {
                    String communityCode = streetCode + String.format("%03d", c + 1);
                    Division community = new Division(DivisionCode.of(communityCode), "社区" + communityCode,
                            "Community " + communityCode, parts.get(c));
                    all.add(community);
                    communities.add(community);
                }
            }
        }
        for (Division community : communities) {
            all.addAll(GridLayout.cover(community, plan.cellSquareMetres()));
        }
        all.sort(Comparator.comparing((Division d) -> d.level().ordinal()).thenComparing(Division::code));
        return all;
    }

    /** Only the grids, in code order. */
    public static List<Division> grids(List<Division> city) {
        return city.stream().filter(d -> d.level() == DivisionLevel.GRID).toList();
    }

    private static Geometry outline(Random random, double lon, double lat, double radius, GeoMeasure measure) {
        int vertices = 240;
        double[] phase = {random.nextDouble() * 6.3, random.nextDouble() * 6.3, random.nextDouble() * 6.3};
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double r = radius * (1 + 0.18 * Math.sin(3 * angle + phase[0]) + 0.09 * Math.sin(7 * angle + phase[1])
                    + 0.04 * Math.sin(13 * angle + phase[2]));
            ring[i] = new Coordinate(lon + r * Math.cos(angle) / measure.metresPerDegreeLon(),
                    lat + r * Math.sin(angle) / measure.metresPerDegreeLat());
        }
        ring[vertices] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }

    /** Cuts a polygon into about {@code parts} pieces: Voronoi cells of random sites, clipped. */
    static List<Geometry> split(Geometry parent, int parts, Random random) {
        if (parts <= 1) {
            return List.of(parent);
        }
        Envelope box = parent.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>();
        var prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(parent);
        int attempts = 0;
        while (sites.size() < parts && attempts++ < parts * 200) {
            Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (prepared.contains(FACTORY.createPoint(c))) {
                sites.add(c);
            }
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(sites);
        Envelope clip = new Envelope(box);
        clip.expandBy(box.getWidth(), box.getHeight());
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(FACTORY);
        List<Geometry> pieces = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry piece = polygonal(OverlayNGRobust.overlay(cells.getGeometryN(i), parent, OverlayNG.INTERSECTION));
            if (piece != null) {
                pieces.add(piece);
            }
        }
        // west to east, so that codes run in a readable order
        pieces.sort(Comparator.comparingDouble(g -> g.getCentroid().getX()));
        return pieces;
    }

    private static Geometry polygonal(Geometry geometry) {
        if (geometry instanceof Polygonal && !geometry.isEmpty()) {
            return geometry;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
        polygons = polygons.stream().filter(p -> p.getArea() > 0).toList();
        if (polygons.isEmpty()) {
            return null;
        }
        return polygons.size() == 1 ? polygons.get(0)
                : (MultiPolygon) FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
}
