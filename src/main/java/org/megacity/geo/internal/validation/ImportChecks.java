package org.megacity.geo.internal.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.GeoMeasure;
import org.megacity.geo.ImportOutcome.Problem;
import org.megacity.geo.internal.Coordinates;
import org.megacity.geo.internal.geojson.GeoJsonReader.Feature;
import org.megacity.geo.internal.index.Atlas;

/**
 * Checks an import against itself and the stored city before anything is written, and names every
 * problem with its feature.
 *
 * <p><b>Each feature:</b> its code appears once in the upload; its coordinates are finite and in
 * range; its boundary is a valid polygon (JTS {@link IsValidOp}: no self-intersection, holes
 * inside their shell, ...; the message gives the place); it has area; its parent exists in the
 * upload or the city.
 *
 * <p><b>Tiling:</b> for every parent whose children the import touches (a child uploaded, or the
 * parent itself re-shaped while it has children), the children, stored and uploaded together, must
 * cover the parent without gaps, overlaps or parts outside it; districts must not overlap each
 * other. The check is bookkeeping first: the sum of the children's areas against the area of their
 * union shows overlap, the union against the parent shows gaps and overhangs. Only when these
 * exceed the tolerance are pairs and pieces examined, to name culprits and a place.
 *
 * <p><b>Tolerance:</b> a gap, overlap or overhang piece is not an error when it is smaller than
 * {@value #TOLERANCE_SQUARE_METRES} m² (or {@value #TOLERANCE_FRACTION} of the parent's area if that
 * is larger), or when it is a sliver thinner than {@value #SLIVER_WIDTH_METRES} m (its mean width,
 * twice its area over its perimeter): boundaries clipped with floating-point overlays, rounded to
 * GeoJSON's seven decimals (about 1 cm), or surveyed in the real world never tile to the last bit,
 * and the slivers they leave along a kilometre of boundary can add up to several square metres
 * while being a centimetre wide. A parent without children is fine (a community whose grids are
 * still to come).
 */
public final class ImportChecks {

    public static final double TOLERANCE_SQUARE_METRES = 1.0;
    public static final double TOLERANCE_FRACTION = 1e-9;
    public static final double SLIVER_WIDTH_METRES = 0.05;

    private ImportChecks() {
    }

    /**
     * The problems of an import; empty when it may be stored.
     *
     * @param uploaded    the features that were read without problems
     * @param failedCodes codes of features that were rejected while reading: they count as present
     *                    for their children, and tiling is not judged where one of them is missing
     * @param stored      the city as it is
     */
    public static List<Problem> check(List<Feature> uploaded, Set<String> failedCodes, Atlas stored) {
        List<Problem> problems = new ArrayList<>();
        Set<String> failed = new HashSet<>(failedCodes);

        Map<String, List<Feature>> byCode = new LinkedHashMap<>();
        for (Feature f : uploaded) {
            byCode.computeIfAbsent(f.division().code().value(), c -> new ArrayList<>()).add(f);
        }
        byCode.forEach((code, features) -> {
            if (features.size() > 1) {
                problems.add(new Problem(code, "the code appears " + features.size() + " times in this import ("
                        + features.stream().map(f -> "features[" + f.index() + "]").collect(Collectors.joining(", "))
                        + ")"));
                failed.add(code);
            }
        });

        List<Problem> shapeProblems = uploaded.parallelStream()
                .filter(f -> !failed.contains(f.division().code().value()))
                .map(ImportChecks::shape).filter(p -> p != null).toList();
        problems.addAll(shapeProblems);
        shapeProblems.forEach(p -> failed.add(p.feature()));

        Map<String, Division> valid = new HashMap<>();
        for (Feature f : uploaded) {
            String code = f.division().code().value();
            if (!failed.contains(code)) {
                valid.put(code, f.division());
            }
        }
        for (Division d : valid.values().stream().sorted(Comparator.comparing(Division::code)).toList()) {
            d.code().parent().ifPresent(parent -> {
                String p = parent.value();
                if (!byCode.containsKey(p) && !failed.contains(p) && !stored.contains(p)) {
                    problems.add(new Problem(d.code().value(), "its parent " + p + " (a " + parent.level().nameEn()
                            + ") is neither in this import nor in the city"));
                    failed.add(d.code().value());
                }
            });
        }

        problems.addAll(tiling(valid, failed, stored));
        problems.sort(Comparator.comparing(Problem::feature));
        return problems;
    }

    /** The first problem with a feature's own shape, or null. */
    private static Problem shape(Feature feature) {
        Division d = feature.division();
        String code = d.code().value();
        for (Coordinate c : d.boundary().getCoordinates()) {
            if (!Coordinates.inRange(c.x, c.y)) {
                return new Problem(code, "position (" + c.x + ", " + c.y
                        + ") is out of range; longitude must lie in [-180, 180] and latitude in [-90, 90]");
            }
        }
        if (d.boundary().isEmpty()) {
            return new Problem(code, "the boundary is empty");
        }
        TopologyValidationError error = new IsValidOp(d.boundary()).getValidationError();
        if (error != null) {
            String where = error.getCoordinate() == null ? "" : " at " + Coordinates.format(error.getCoordinate());
            return new Problem(code, "the boundary is not a valid polygon: "
                    + error.getMessage().toLowerCase(Locale.ROOT) + where);
        }
        if (!(d.boundary().getArea() > 0)) {
            return new Problem(code, "the boundary has no area");
        }
        return null;
    }

    private static List<Problem> tiling(Map<String, Division> valid, Set<String> failed, Atlas stored) {
        Set<String> parents = new TreeSet<>();
        boolean districtsTouched = false;
        for (Division d : valid.values()) {
            if (d.level() == DivisionLevel.DISTRICT) {
                districtsTouched = true;
            } else {
                parents.add(d.code().parent().orElseThrow().value());
            }
            if (d.level() != DivisionLevel.GRID && !stored.children(d.code().value()).isEmpty()) {
                parents.add(d.code().value());
            }
        }
        Uploaded uploaded = Uploaded.of(valid, failed);
        List<Problem> problems = parents.parallelStream().flatMap(parent -> {
            Division boundary = valid.containsKey(parent) ? valid.get(parent) : stored.division(parent).orElse(null);
            if (boundary == null || failed.contains(parent)) {
                return java.util.stream.Stream.<Problem>empty();
            }
            List<Division> children = children(parent, uploaded, stored);
            if (children == null || children.isEmpty()) {
                return java.util.stream.Stream.<Problem>empty();
            }
            return tile(boundary, children, valid.keySet()).stream();
        }).collect(Collectors.toCollection(ArrayList::new));
        if (districtsTouched) {
            List<Division> districts = children(null, uploaded, stored);
            if (districts != null) {
                problems.addAll(overlaps(null, districts, valid.keySet(), tolerance(null, districts)));
            }
        }
        return problems;
    }

    /** The children of a parent after the import, or null when one of them was rejected. */
    private static List<Division> children(String parent, Uploaded uploaded, Atlas stored) {
        if (uploaded.parentsOfFailed().contains(parent == null ? "" : parent)) {
            return null;
        }
        Map<String, Division> children = new LinkedHashMap<>();
        for (Division d : stored.children(parent)) {
            children.put(d.code().value(), d);
        }
        for (Division d : uploaded.children().getOrDefault(parent == null ? "" : parent, List.of())) {
            children.put(d.code().value(), d);
        }
        return new ArrayList<>(children.values());
    }

    /** The valid uploaded divisions by parent ("" for districts), and the parents of rejected ones. */
    private record Uploaded(Map<String, List<Division>> children, Set<String> parentsOfFailed) {

        static Uploaded of(Map<String, Division> valid, Set<String> failed) {
            Map<String, List<Division>> children = new HashMap<>();
            for (Division d : valid.values()) {
                children.computeIfAbsent(d.code().parent().map(DivisionCode::value).orElse(""), k -> new ArrayList<>())
                        .add(d);
            }
            Set<String> parentsOfFailed = new HashSet<>();
            for (String code : failed) {
                try {
                    parentsOfFailed.add(DivisionCode.of(code).parent().map(DivisionCode::value).orElse(""));
                } catch (IllegalArgumentException notACode) {
                    // features[i]: nothing to attribute
                }
            }
            return new Uploaded(children, parentsOfFailed);
        }
    }

    /** The tolerance for a parent's tiling, in square degrees at its latitude. */
    private static Tolerance tolerance(Division parent, List<Division> children) {
        Geometry reference = parent != null ? parent.boundary() : children.get(0).boundary();
        GeoMeasure measure = GeoMeasure.around(reference);
        double parentSquareMetres = parent == null ? 0 : measure.squareMetres(parent.boundary());
        double squareMetres = Math.max(TOLERANCE_SQUARE_METRES, TOLERANCE_FRACTION * parentSquareMetres);
        return new Tolerance(squareMetres / (measure.metresPerDegreeLon() * measure.metresPerDegreeLat()), measure);
    }

    private record Tolerance(double squareDegrees, GeoMeasure measure) {

        /** Whether a piece is thinner than {@link #SLIVER_WIDTH_METRES} on average. */
        boolean sliver(Polygon piece) {
            double perimeter = 0;
            for (int r = -1; r < piece.getNumInteriorRing(); r++) {
                Coordinate[] ring = (r < 0 ? piece.getExteriorRing() : piece.getInteriorRingN(r)).getCoordinates();
                for (int i = 1; i < ring.length; i++) {
                    perimeter += measure.metres(ring[i - 1], ring[i]);
                }
            }
            return perimeter > 0 && 2 * measure.squareMetres(piece.getArea()) / perimeter < SLIVER_WIDTH_METRES;
        }

        String squareMetres(double squareDegrees) {
            double m2 = measure.squareMetres(squareDegrees);
            return m2 >= 100 ? String.format(Locale.ROOT, "%,.0f m²", m2) : String.format(Locale.ROOT, "%.1f m²", m2);
        }
    }

    /** Gaps, overlaps and overhangs of the children of one parent. */
    private static List<Problem> tile(Division parent, List<Division> children, Set<String> uploaded) {
        Tolerance tolerance = tolerance(parent, children);
        List<Problem> problems = new ArrayList<>();
        double sum = 0;
        List<Geometry> shapes = new ArrayList<>(children.size());
        for (Division child : children) {
            sum += child.boundary().getArea();
            shapes.add(child.boundary());
        }
        Geometry union = OverlayNGRobust.union(shapes);
        double unionArea = union.getArea();
        if (sum - unionArea > tolerance.squareDegrees()) {
            problems.addAll(overlaps(parent, children, uploaded, tolerance));
        }
        Geometry outline = parent.boundary();
        double inside = OverlayNGRobust.overlay(union, outline, OverlayNG.INTERSECTION).getArea();
        String parentCode = parent.code().value();
        if (outline.getArea() - inside > tolerance.squareDegrees()) {
            Geometry gaps = OverlayNGRobust.overlay(outline, union, OverlayNG.DIFFERENCE);
            for (Polygon gap : pieces(gaps, tolerance)) {
                List<Division> next = touching(gap, children);
                String feature = next.stream().map(d -> d.code().value()).filter(uploaded::contains).findFirst()
                        .orElse(parentCode);
                problems.add(new Problem(feature, "the " + plural(children) + " of " + parentCode + " leave a gap of "
                        + tolerance.squareMetres(gap.getArea()) + " around " + Coordinates.format(gap.getInteriorPoint().getCoordinate())
                        + (next.isEmpty() ? "" : ", next to " + codes(next))));
            }
        }
        if (unionArea - inside > tolerance.squareDegrees()) {
            Geometry overhang = OverlayNGRobust.overlay(union, outline, OverlayNG.DIFFERENCE);
            for (Polygon piece : pieces(overhang, tolerance)) {
                for (Division child : touching(piece, children)) {
                    Geometry part = OverlayNGRobust.overlay(child.boundary(), piece, OverlayNG.INTERSECTION);
                    double area = part.getArea();
                    if (area > tolerance.squareDegrees() && !pieces(part, tolerance).isEmpty()) {
                        problems.add(new Problem(child.code().value(), "it extends " + tolerance.squareMetres(area)
                                + " beyond its parent " + parentCode + " around "
                                + Coordinates.format(piece.getInteriorPoint().getCoordinate())));
                    }
                }
            }
        }
        return problems;
    }

    /** Pairs of siblings that overlap by more than the tolerance, each named once. */
    private static List<Problem> overlaps(Division parent, List<Division> siblings, Set<String> uploaded,
            Tolerance tolerance) {
        STRtree tree = new STRtree();
        for (int i = 0; i < siblings.size(); i++) {
            tree.insert(siblings.get(i).boundary().getEnvelopeInternal(), i);
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            Division a = siblings.get(i);
            for (Object item : tree.query(a.boundary().getEnvelopeInternal())) {
                int j = (Integer) item;
                if (j <= i) {
                    continue;
                }
                Division b = siblings.get(j);
                if (!uploaded.contains(a.code().value()) && !uploaded.contains(b.code().value())) {
                    continue;
                }
                if (!a.boundary().intersects(b.boundary())) {
                    continue;
                }
                Geometry common = OverlayNGRobust.overlay(a.boundary(), b.boundary(), OverlayNG.INTERSECTION);
                if (common.getArea() > tolerance.squareDegrees() && !pieces(common, tolerance).isEmpty()) {
                    Division named = uploaded.contains(a.code().value()) ? a : b;
                    Division other = named == a ? b : a;
                    problems.add(new Problem(named.code().value(), "it overlaps " + other.code().value() + " by "
                            + tolerance.squareMetres(common.getArea()) + " around "
                            + Coordinates.format(common.getInteriorPoint().getCoordinate())));
                }
            }
        }
        return problems;
    }

    /** The pieces of a gap, overlap or overhang that are errors: large enough and not slivers. */
    private static List<Polygon> pieces(Geometry geometry, Tolerance tolerance) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
        return polygons.stream().filter(p -> p.getArea() > tolerance.squareDegrees() && !tolerance.sliver(p)).toList();
    }

    private static List<Division> touching(Geometry piece, Collection<Division> children) {
        Envelope box = new Envelope(piece.getEnvelopeInternal());
        box.expandBy(Math.max(box.getWidth(), box.getHeight()) * 1e-6 + 1e-9);
        Set<Division> result = new LinkedHashSet<>();
        for (Division child : children) {
            if (child.boundary().getEnvelopeInternal().intersects(box) && child.boundary().distance(piece) < 1e-9) {
                result.add(child);
            }
        }
        return new ArrayList<>(result);
    }

    private static String codes(List<Division> divisions) {
        String listed = divisions.stream().limit(6).map(d -> d.code().value()).collect(Collectors.joining(", "));
        return divisions.size() > 6 ? listed + " and " + (divisions.size() - 6) + " more" : listed;
    }

    private static String plural(List<Division> children) {
        return switch (children.get(0).level()) {
            case DISTRICT -> "districts";
            case STREET -> "streets";
            case COMMUNITY -> "communities";
            case GRID -> "grids";
        };
    }
}
