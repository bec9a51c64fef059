package org.megacity.assets.internal.geojson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.CityComponent;
import org.megacity.assets.ComponentCode;
import org.megacity.assets.ComponentStatus;
import org.megacity.assets.Geometries;
import org.megacity.assets.NodeKind;
import org.megacity.assets.Park;
import org.megacity.assets.Parcel;
import org.megacity.assets.PipeNode;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.RenewalPhase;
import org.megacity.assets.RenewalProject;
import org.megacity.assets.Utility;
import org.megacity.platform.PlainText;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Assets as GeoJSON (RFC 7946) features: the one shape used by the import, the export, the OGC API
 * items and the analyses. Each feature has a numeric {@code id} (for components, the 16-digit code
 * as a number) and the property {@code layer} (the collection id, {@code pipe-segments}); the other
 * properties per type are listed in docs/assets.md. Reading collects every problem of a feature
 * into the given list and returns null for a feature with any.
 */
public final class AssetFeatures {

    static final int DECIMALS_SCALE = 10_000_000;

    private AssetFeatures() {
    }

    /** A problem of the input: where (a feature index {@code features[12]} or a CSV line) and what. */
    public record Problem(String where, String message) {
    }

    // ---------------------------------------------------------------- reading

    /** Reads one feature, or returns null after adding its problems. */
    public static Asset read(JsonNode feature, String where, List<Problem> problems) {
        Reader r = new Reader(feature, where, problems);
        return r.asset();
    }

    /**
     * Reads a Polygon or MultiPolygon geometry object (an analysis's input), or returns null after
     * adding its problems, each named under {@code field}.
     */
    public static Geometry readArea(JsonNode geometry, String field, List<Problem> problems) {
        Reader r = new Reader(null, field, problems);
        if (geometry == null || !geometry.isObject()) {
            problems.add(new Problem(field, "must be a GeoJSON Polygon or MultiPolygon geometry"));
            return null;
        }
        Geometry g = r.area(geometry);
        return problems.isEmpty() ? g : null;
    }

    private static final class Reader {
        final JsonNode feature;
        final JsonNode props;
        final String where;
        final List<Problem> problems;
        final int before;

        Reader(JsonNode feature, String where, List<Problem> problems) {
            this.feature = feature;
            this.where = where;
            this.problems = problems;
            this.before = problems.size();
            JsonNode p = feature == null ? null : feature.get("properties");
            this.props = p != null && p.isObject() ? p : null;
        }

        Asset asset() {
            if (feature == null || !feature.isObject() || !"Feature".equals(text(feature.get("type")))) {
                return fail("is not a GeoJSON Feature");
            }
            if (props == null) {
                return fail("has no properties object");
            }
            String layer = text(props.get("layer"));
            AssetType type = layer == null ? null : AssetType.byId(layer).orElse(null);
            if (type == null) {
                return fail("properties.layer must be one of pipe-nodes, pipe-segments, parks, parcels,"
                        + " renewal-projects, components; got " + (layer == null ? "nothing" : "'" + layer + "'"));
            }
            JsonNode geometry = feature.get("geometry");
            try {
                Asset asset = switch (type) {
                    case PIPE_NODE -> node(geometry);
                    case PIPE_SEGMENT -> segment(geometry);
                    case PARK -> park(geometry);
                    case PARCEL -> parcel(geometry);
                    case RENEWAL_PROJECT -> renewal(geometry);
                    case COMPONENT -> component(geometry);
                };
                return problems.size() > before ? null : asset;
            } catch (IllegalArgumentException | NullPointerException e) {
                if (problems.size() == before) {
                    fail(e.getMessage());
                }
                return null;
            }
        }

        long id() {
            JsonNode id = feature.get("id");
            if (id != null && id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0) {
                return id.asLong();
            }
            if (id != null && id.isString() && id.asString().matches("[1-9]\\d{0,17}")) {
                return Long.parseLong(id.asString());
            }
            problem("id", "must be a positive integer");
            return 0;
        }

        PipeNode node(JsonNode geometry) {
            long id = id();
            double[] at = point(geometry);
            Utility utility = parse("utility", Utility::parse);
            NodeKind kind = parse("kind", NodeKind::parse);
            JsonNode open = props.get("open");
            if (kind == NodeKind.VALVE && (open == null || !open.isBoolean())) {
                problem("properties.open", "a valve needs open: true or false");
            }
            return done() ? new PipeNode(id, utility, kind, open == null || open.asBoolean(), at[0], at[1]) : null;
        }

        PipeSegment segment(JsonNode geometry) {
            long id = id();
            double[] path = line(geometry);
            Utility utility = parse("utility", Utility::parse);
            long from = positiveLong("from");
            long to = positiveLong("to");
            String material = string("material", 40);
            int diameter = (int) number("diameterMm", 10, 5000);
            int year = (int) number("installYear", 1850, 2100);
            String pressure = string("pressureClass", 20);
            double depth = number("depthM", 0, 100);
            String operator = props.get("operator") == null && utility != null ? utility.defaultOperator()
                    : string("operator", 40);
            if (diameter != number("diameterMm", 10, 5000) || year != number("installYear", 1850, 2100)) {
                problem("properties", "diameterMm and installYear must be whole numbers");
            }
            return done() ? new PipeSegment(id, utility, from, to, material.intern(), diameter, year,
                    pressure.intern(), depth, operator.intern(), path) : null;
        }

        Park park(JsonNode geometry) {
            long id = id();
            Geometry area = area(geometry);
            String name = string("name", 200);
            String level = string("level", 20);
            List<String> facilities = new ArrayList<>();
            JsonNode f = props.get("facilities");
            if (f != null && f.isArray()) {
                for (JsonNode item : f) {
                    String s = text(item);
                    if (s == null || s.isBlank() || s.contains(";") || s.length() > 50 || PlainText.problem(s) != null) {
                        problem("properties.facilities", "must be names of up to 50 characters without ';' or control characters");
                    } else {
                        facilities.add(s);
                    }
                }
            } else if (f != null && !f.isNull()) {
                problem("properties.facilities", "must be an array of names");
            }
            String hours = string("openingHours", 100);
            return done() ? new Park(id, name, level, facilities, hours, area) : null;
        }

        Parcel parcel(JsonNode geometry) {
            long id = id();
            Geometry area = area(geometry);
            String landUse = string("landUse", 10);
            if (landUse != null && !landUse.matches("[A-Z][0-9]{0,2}[a-z]?")) {
                problem("properties.landUse", "must be a land-use class code such as R2, B1 or G1 (GB 50137)");
            }
            double ratio = number("plotRatioLimit", 0, 30);
            return done() ? new Parcel(id, landUse.intern(), ratio, area) : null;
        }

        RenewalProject renewal(JsonNode geometry) {
            long id = id();
            Geometry area = area(geometry);
            String name = string("name", 200);
            RenewalPhase phase = parse("phase", RenewalPhase::parse);
            long budget = (long) number("budgetWan", 0, 1e9);
            int households = (int) number("households", 0, 1e7);
            return done() ? new RenewalProject(id, name, phase, budget, households, area) : null;
        }

        CityComponent component(JsonNode geometry) {
            double[] at = point(geometry);
            ComponentCode code = parse("code", ComponentCode::of);
            ComponentStatus status = parse("status", ComponentStatus::parse);
            JsonNode id = feature.get("id");
            if (code != null && id != null && !id.isNull() && !String.valueOf(code.number()).equals(id.asString())
                    && !(id.isIntegralNumber() && id.canConvertToLong() && id.asLong() == code.number())) {
                problem("id", "a component's id is its code as a number (" + code.number() + ") or absent");
            }
            return done() ? new CityComponent(code, status, at[0], at[1]) : null;
        }

        boolean done() {
            return problems.size() == before;
        }

        <T> T parse(String name, java.util.function.Function<String, T> parser) {
            String value = text(props.get(name));
            if (value == null) {
                problem("properties." + name, "is required");
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                problem("properties." + name, e.getMessage());
                return null;
            }
        }

        String string(String name, int max) {
            String value = text(props.get(name));
            if (value == null || value.isBlank()) {
                problem("properties." + name, "is required");
                return null;
            }
            if (value.length() > max) {
                problem("properties." + name, "is longer than " + max + " characters");
            }
            if (PlainText.problem(value) != null) {
                problem("properties." + name, PlainText.problem(value));
            }
            return value.trim();
        }

        double number(String name, double min, double max) {
            JsonNode n = props.get(name);
            if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble(Double.NaN))) {
                problem("properties." + name, "must be a number");
                return 0;
            }
            double v = n.asDouble(Double.NaN);
            if (v < min || v > max) {
                problem("properties." + name, "must be between " + fmt(min) + " and " + fmt(max));
            }
            return v;
        }

        long positiveLong(String name) {
            JsonNode n = props.get(name);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
                problem("properties." + name, "must be a node id (a positive integer)");
                return 0;
            }
            return n.asLong();
        }

        double[] point(JsonNode geometry) {
            if (!"Point".equals(geometry == null ? null : text(geometry.get("type")))) {
                problem("geometry", "must be a Point");
                return new double[2];
            }
            double[] p = position(geometry.get("coordinates"), "geometry.coordinates");
            return p == null ? new double[2] : p;
        }

        double[] line(JsonNode geometry) {
            if (!"LineString".equals(geometry == null ? null : text(geometry.get("type")))) {
                problem("geometry", "must be a LineString");
                return new double[4];
            }
            JsonNode coords = geometry.get("coordinates");
            if (coords == null || !coords.isArray() || coords.size() < 2) {
                problem("geometry.coordinates", "a LineString needs at least two positions");
                return new double[4];
            }
            double[] path = new double[coords.size() * 2];
            for (int i = 0; i < coords.size(); i++) {
                double[] p = position(coords.get(i), "geometry.coordinates[" + i + "]");
                if (p == null) {
                    return new double[4];
                }
                path[2 * i] = p[0];
                path[2 * i + 1] = p[1];
            }
            return path;
        }

        Geometry area(JsonNode geometry) {
            String type = geometry == null ? null : text(geometry.get("type"));
            Geometry g = null;
            if ("Polygon".equals(type)) {
                g = polygon(geometry.get("coordinates"), "geometry.coordinates");
            } else if ("MultiPolygon".equals(type)) {
                JsonNode parts = geometry.get("coordinates");
                if (parts == null || !parts.isArray() || parts.isEmpty()) {
                    problem("geometry.coordinates", "a MultiPolygon needs polygons");
                    return null;
                }
                Polygon[] polygons = new Polygon[parts.size()];
                for (int i = 0; i < parts.size(); i++) {
                    polygons[i] = polygon(parts.get(i), "geometry.coordinates[" + i + "]");
                    if (polygons[i] == null) {
                        return null;
                    }
                }
                g = Geometries.FACTORY.createMultiPolygon(polygons);
            } else {
                problem("geometry", "must be a Polygon or MultiPolygon");
                return null;
            }
            if (g != null && !g.isValid()) {
                problem("geometry", "is not a valid polygon (self-intersecting or overlapping rings)");
                return null;
            }
            return g;
        }

        Polygon polygon(JsonNode rings, String at) {
            if (rings == null || !rings.isArray() || rings.isEmpty()) {
                problem(at, "a Polygon needs at least one ring");
                return null;
            }
            LinearRing[] built = new LinearRing[rings.size()];
            for (int r = 0; r < rings.size(); r++) {
                JsonNode ring = rings.get(r);
                if (ring == null || !ring.isArray() || ring.size() < 4) {
                    problem(at + "[" + r + "]", "a ring needs at least four positions");
                    return null;
                }
                Coordinate[] cs = new Coordinate[ring.size()];
                for (int i = 0; i < ring.size(); i++) {
                    double[] p = position(ring.get(i), at + "[" + r + "][" + i + "]");
                    if (p == null) {
                        return null;
                    }
                    cs[i] = new Coordinate(p[0], p[1]);
                }
                if (!cs[0].equals2D(cs[cs.length - 1])) {
                    problem(at + "[" + r + "]", "a ring must end where it starts");
                    return null;
                }
                built[r] = Geometries.FACTORY.createLinearRing(cs);
            }
            return Geometries.FACTORY.createPolygon(built[0], java.util.Arrays.copyOfRange(built, 1, built.length));
        }

        double[] position(JsonNode p, String at) {
            if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber()
                    || !p.get(1).isNumber()) {
                problem(at, "a position is [longitude, latitude]");
                return null;
            }
            // a number beyond double's range (hundreds of digits) becomes NaN and fails the range check
            double lon = p.get(0).asDouble(Double.NaN);
            double lat = p.get(1).asDouble(Double.NaN);
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                problem(at, "longitude must be within -180..180 and latitude within -90..90");
                return null;
            }
            return new double[] {lon, lat};
        }

        Asset fail(String message) {
            problems.add(new Problem(where, message));
            return null;
        }

        void problem(String field, String message) {
            String f = feature == null ? field.replaceFirst("^geometry\\.?", "") : field;
            problems.add(new Problem(f.isEmpty() ? where : where + "." + f, message));
        }
    }

    static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---------------------------------------------------------------- writing

    /** Writes one asset as a Feature. */
    public static void write(JsonGenerator json, Asset asset) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeNumberProperty("id", asset.id());
        json.writeName("geometry");
        writeGeometry(json, asset);
        json.writeName("properties");
        json.writeStartObject();
        json.writeStringProperty("layer", asset.type().id());
        switch (asset) {
            case PipeNode n -> {
                json.writeStringProperty("utility", n.utility().id());
                json.writeStringProperty("kind", n.kind().id());
                if (n.kind() == NodeKind.VALVE) {
                    json.writeBooleanProperty("open", n.open());
                }
            }
            case PipeSegment s -> {
                json.writeStringProperty("utility", s.utility().id());
                json.writeNumberProperty("from", s.fromNode());
                json.writeNumberProperty("to", s.toNode());
                json.writeStringProperty("material", s.material());
                json.writeNumberProperty("diameterMm", s.diameterMm());
                json.writeNumberProperty("installYear", s.installYear());
                json.writeStringProperty("pressureClass", s.pressureClass());
                json.writeNumberProperty("depthM", s.depthM());
                json.writeStringProperty("operator", s.operator());
            }
            case Park p -> {
                json.writeStringProperty("name", p.name());
                json.writeStringProperty("level", p.level());
                json.writeName("facilities");
                json.writeStartArray();
                for (String f : p.facilities()) {
                    json.writeString(f);
                }
                json.writeEndArray();
                json.writeStringProperty("openingHours", p.openingHours());
            }
            case Parcel p -> {
                json.writeStringProperty("landUse", p.landUse());
                json.writeNumberProperty("plotRatioLimit", p.plotRatioLimit());
            }
            case RenewalProject r -> {
                json.writeStringProperty("name", r.name());
                json.writeStringProperty("phase", r.phase().id());
                json.writeNumberProperty("budgetWan", r.budgetWan());
                json.writeNumberProperty("households", r.households());
            }
            case CityComponent c -> {
                json.writeStringProperty("code", c.code().value());
                json.writeStringProperty("classCode", c.code().classCode());
                json.writeStringProperty("district", c.code().district());
                json.writeStringProperty("status", c.status().id());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeGeometry(JsonGenerator json, Asset asset) {
        switch (asset) {
            case PipeNode n -> point(json, n.lon(), n.lat());
            case CityComponent c -> point(json, c.lon(), c.lat());
            case PipeSegment s -> {
                json.writeStartObject();
                json.writeStringProperty("type", "LineString");
                json.writeName("coordinates");
                json.writeStartArray();
                double[] path = s.path();
                for (int i = 0; i < path.length; i += 2) {
                    position(json, path[i], path[i + 1]);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            default -> area(json, asset.geometry());
        }
    }

    private static void point(JsonGenerator json, double lon, double lat) {
        json.writeStartObject();
        json.writeStringProperty("type", "Point");
        json.writeName("coordinates");
        position(json, lon, lat);
        json.writeEndObject();
    }

    /** Writes a Polygon or MultiPolygon geometry object. */
    public static void area(JsonGenerator json, Geometry g) {
        json.writeStartObject();
        if (g instanceof MultiPolygon multi) {
            json.writeStringProperty("type", "MultiPolygon");
            json.writeName("coordinates");
            json.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                rings(json, (Polygon) multi.getGeometryN(i));
            }
            json.writeEndArray();
        } else if (g instanceof Polygon polygon) {
            json.writeStringProperty("type", "Polygon");
            json.writeName("coordinates");
            rings(json, polygon);
        } else if (g instanceof LineString line) {
            json.writeStringProperty("type", "LineString");
            json.writeName("coordinates");
            ring(json, line);
        } else {
            throw new IllegalArgumentException("not an area: " + g.getGeometryType().toLowerCase(Locale.ROOT));
        }
        json.writeEndObject();
    }

    private static void rings(JsonGenerator json, Polygon p) {
        json.writeStartArray();
        ring(json, p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(json, p.getInteriorRingN(i));
        }
        json.writeEndArray();
    }

    private static void ring(JsonGenerator json, LineString ring) {
        json.writeStartArray();
        var seq = ring.getCoordinateSequence();
        for (int i = 0; i < seq.size(); i++) {
            position(json, seq.getX(i), seq.getY(i));
        }
        json.writeEndArray();
    }

    /** Writes [lon, lat] rounded to 7 decimals (about a centimetre). */
    public static void position(JsonGenerator json, double lon, double lat) {
        json.writeStartArray();
        json.writeNumber(round(lon));
        json.writeNumber(round(lat));
        json.writeEndArray();
    }

    static double round(double v) {
        return Math.round(v * DECIMALS_SCALE) / (double) DECIMALS_SCALE;
    }
}
