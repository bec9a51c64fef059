package org.megacity.geo.internal.geojson;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.ImportOutcome.Problem;
import org.megacity.platform.PlainText;
import org.megacity.geo.internal.Coordinates;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads divisions from a GeoJSON (RFC 7946) FeatureCollection as a stream: one feature at a time
 * is held in memory as tokens turn into JTS geometries with packed coordinates (16 bytes a
 * point), so a 100 MB upload costs about its own size in memory, not ten times that.
 *
 * <p>Each feature is a {@code Feature} with a {@code Polygon} or {@code MultiPolygon} geometry and
 * the properties {@code code} (a string of 6, 9, 12 or 15 digits), {@code name}, {@code nameEn},
 * and optionally {@code level}, which must agree with the code. Members the format allows but the
 * platform does not use ({@code id}, {@code bbox}, foreign members, other properties) are skipped.
 *
 * <p>Every problem is collected, each naming its feature by code or, without a usable code, as
 * {@code features[i]}: rings that are not closed or have fewer than four positions, positions that
 * are not two or three finite numbers within longitude/latitude range, and, under
 * {@link Winding#STRICT}, rings against the right-hand rule. Malformed JSON stops the reading with
 * one problem that says where. The reader never throws for bad content; only I/O failures
 * (including an exceeded upload limit) propagate.
 */
public final class GeoJsonReader {

    /** At most this many problems are listed; the rest are counted. */
    public static final int MAX_PROBLEMS = 1_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(64)
                    .maxStringLength(1 << 20)
                    .maxNameLength(1_000)
                    .build())
            .build();

    private static final GeometryFactory GEOMETRY = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private static final int MAX_NAME_LENGTH = 200;

    /** What was read: the usable features and every problem found. */
    public record Result(List<Feature> features, List<Problem> problems, int problemsNotListed, boolean malformed) {

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    /** A feature read without problems, with its position in the collection. */
    public record Feature(int index, Division division) {
    }

    private final Winding winding;
    private final List<Feature> features = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int problemsNotListed;

    private GeoJsonReader(Winding winding) {
        this.winding = winding;
    }

    /** Reads a FeatureCollection; the stream is read to its end (or the first syntax error) but not closed. */
    public static Result read(InputStream in, Winding winding) throws IOException {
        GeoJsonReader reader = new GeoJsonReader(winding);
        boolean malformed = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
            reader.collection(parser);
        } catch (JacksonIOException e) {
            if (!(e.getCause() instanceof java.io.CharConversionException)) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            // bytes that are not UTF-8, -16 or -32: the document's fault
            reader.problem("body", "malformed text: " + shorten(e.getCause().getMessage()));
            malformed = true;
        } catch (JacksonException e) {
            reader.problem(reader.currentFeatureLabel(), "malformed JSON" + where(e.getLocation()) + ": "
                    + shorten(e.getOriginalMessage()));
            malformed = true;
        } catch (BadDocument e) {
            reader.problem("body", e.getMessage());
            malformed = true;
        }
        return new Result(List.copyOf(reader.features), List.copyOf(reader.problems), reader.problemsNotListed,
                malformed);
    }

    private int currentFeature = -1;

    private String currentFeatureLabel() {
        return currentFeature < 0 ? "body" : "features[" + currentFeature + "]";
    }

    private void collection(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new BadDocument("the body must be a GeoJSON FeatureCollection object");
        }
        boolean typed = false;
        boolean hadFeatures = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> {
                    if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(p.getString())) {
                        throw new BadDocument("\"type\" must be \"FeatureCollection\"");
                    }
                    typed = true;
                }
                case "features" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new BadDocument("\"features\" must be an array");
                    }
                    hadFeatures = true;
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        currentFeature = index;
                        feature(p, index++);
                    }
                    currentFeature = -1;
                }
                default -> p.skipChildren();
            }
        }
        if (!typed) {
            throw new BadDocument("\"type\": \"FeatureCollection\" is missing");
        }
        if (!hadFeatures) {
            throw new BadDocument("\"features\" is missing");
        }
        if (p.nextToken() != null) {
            throw new BadDocument("unexpected content after the FeatureCollection");
        }
    }

    /** Reads one feature; the parser stands on its first token and is left on its last. */
    private void feature(JsonParser p, int index) {
        String label = "features[" + index + "]";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problem(label, "a feature must be a JSON object");
            p.skipChildren();
            return;
        }
        String type = null;
        RawGeometry geometry = null;
        String geometryProblem = null;
        boolean geometryPresent = false;
        String code = null;
        String codeProblem = null;
        String name = "";
        String nameEn = "";
        String level = null;
        List<String> propertyProblems = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            switch (member) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : value.asString();
                case "geometry" -> {
                    geometryPresent = value != JsonToken.VALUE_NULL;
                    try {
                        geometry = value == JsonToken.VALUE_NULL ? null : geometry(p);
                    } catch (BadFeature e) {
                        geometryProblem = e.getMessage();
                        skipTo(p, e.depth);
                    }
                }
                case "properties" -> {
                    if (value == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (value != JsonToken.START_OBJECT) {
                        propertyProblems.add("\"properties\" must be an object");
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String property = p.currentName();
                        JsonToken v = p.nextToken();
                        switch (property) {
                            case "code" -> {
                                if (v == JsonToken.VALUE_STRING) {
                                    code = p.getString().trim();
                                } else {
                                    codeProblem = "property \"code\" must be a string of digits, not " + describe(v);
                                    p.skipChildren();
                                }
                            }
                            case "name" -> name = text(p, v, "name", propertyProblems, name);
                            case "nameEn" -> nameEn = text(p, v, "nameEn", propertyProblems, nameEn);
                            case "level" -> level = text(p, v, "level", propertyProblems, null);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }

        DivisionCode divisionCode = null;
        if (code != null) {
            try {
                divisionCode = DivisionCode.of(code);
            } catch (IllegalArgumentException e) {
                codeProblem = e.getMessage();
            }
        } else if (codeProblem == null) {
            codeProblem = "property \"code\" is missing";
        }
        String featureName = divisionCode != null ? divisionCode.value() : label;
        List<String> found = new ArrayList<>();
        if (codeProblem != null) {
            found.add(codeProblem);
        }
        if (!"Feature".equals(type)) {
            found.add("\"type\" must be \"Feature\"" + (type == null ? " (it is missing)" : ", not \"" + shorten(type) + "\""));
        }
        found.addAll(propertyProblems);
        if (divisionCode != null && level != null) {
            try {
                DivisionLevel declared = DivisionLevel.parse(level);
                if (declared != divisionCode.level()) {
                    found.add("level \"" + shorten(level) + "\" does not match the code, whose "
                            + divisionCode.value().length() + " digits make it a " + divisionCode.level().nameEn());
                }
            } catch (IllegalArgumentException e) {
                found.add(e.getMessage());
            }
        }
        Geometry boundary = null;
        if (geometryProblem != null) {
            found.add(geometryProblem);
        } else if (!geometryPresent) {
            found.add("the feature has no geometry");
        } else {
            try {
                boundary = geometry.toJts(winding);
            } catch (BadFeature e) {
                found.add(e.getMessage());
            }
        }
        if (found.isEmpty()) {
            features.add(new Feature(index, new Division(divisionCode, name, nameEn, boundary)));
        } else {
            found.forEach(message -> problem(featureName, message));
        }
    }

    private static String text(JsonParser p, JsonToken token, String property, List<String> problems, String fallback) {
        if (token == JsonToken.VALUE_STRING) {
            String value = p.getString();
            if (value.length() > MAX_NAME_LENGTH) {
                problems.add("property \"" + property + "\" is longer than " + MAX_NAME_LENGTH + " characters");
                return fallback;
            }
            if (PlainText.problem(value) != null) {
                problems.add("property \"" + property + "\" " + PlainText.problem(value));
                return fallback;
            }
            return value;
        }
        if (token == JsonToken.VALUE_NULL) {
            return fallback;
        }
        problems.add("property \"" + property + "\" must be a string, not " + describe(token));
        p.skipChildren();
        return fallback;
    }

    /** Reads a geometry object; the parser stands on its START_OBJECT (or another token, an error). */
    private RawGeometry geometry(JsonParser p) {
        int depth = p.streamReadContext().getNestingDepth();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            JsonToken token = p.currentToken();
            p.skipChildren();
            throw new BadFeature("\"geometry\" must be an object, not " + describe(token), Integer.MAX_VALUE);
        }
        String type = null;
        Object coordinates = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String member = p.currentName();
            JsonToken value = p.nextToken();
            switch (member) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : "";
                case "coordinates" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw new BadFeature("\"coordinates\" must be an array", depth);
                    }
                    coordinates = nested(p, 1, depth);
                }
                default -> p.skipChildren();
            }
        }
        if (type == null) {
            throw new BadFeature("the geometry has no \"type\"", depth);
        }
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            throw new BadFeature("the geometry must be a Polygon or MultiPolygon, not " + shorten(type), depth);
        }
        if (coordinates == null) {
            throw new BadFeature("the geometry has no \"coordinates\"", depth);
        }
        return new RawGeometry(type.equals("MultiPolygon"), coordinates);
    }

    /**
     * Reads nested coordinate arrays; the parser stands on a START_ARRAY. A position (numbers)
     * comes back as {@code double[]}, a list of positions as a {@link Ring}, a list of lists as a
     * {@code List<Object>}.
     */
    private Object nested(JsonParser p, int level, int depth) {
        if (level > 4) {
            throw new BadFeature("\"coordinates\" are nested too deeply for a Polygon or MultiPolygon", depth);
        }
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return List.of();
        }
        if (token != null && token.isNumeric()) {
            return position(p, depth);
        }
        if (token != JsonToken.START_ARRAY) {
            throw new BadFeature("\"coordinates\" hold " + describe(token) + " where an array was expected", depth);
        }
        Object first = nested(p, level + 1, depth);
        if (first instanceof double[] position) {
            Ring ring = new Ring();
            ring.add(position);
            while ((token = p.nextToken()) == JsonToken.START_ARRAY) {
                if (!(nested(p, level + 1, depth) instanceof double[] next)) {
                    throw new BadFeature("position " + (ring.size() + 1) + " of a ring is not a list of numbers", depth);
                }
                ring.add(next);
            }
            if (token != JsonToken.END_ARRAY) {
                throw new BadFeature("a ring holds " + describe(token) + " where a position was expected", depth);
            }
            return ring;
        }
        List<Object> items = new ArrayList<>();
        items.add(first);
        while ((token = p.nextToken()) == JsonToken.START_ARRAY) {
            items.add(nested(p, level + 1, depth));
        }
        if (token != JsonToken.END_ARRAY) {
            throw new BadFeature("\"coordinates\" hold " + describe(token) + " where an array was expected", depth);
        }
        return items;
    }

    /** Reads a position whose first number is the current token; leaves the parser on its END_ARRAY. */
    private static double[] position(JsonParser p, int depth) {
        int count = 0;
        double lon = 0;
        double lat = 0;
        JsonToken token = p.currentToken();
        while (token != JsonToken.END_ARRAY) {
            if (token == null || !token.isNumeric()) {
                throw new BadFeature("a position holds " + describe(token) + " where a number was expected", depth);
            }
            double value = p.getDoubleValue();
            if (count == 0) {
                lon = value;
            } else if (count == 1) {
                lat = value;
            }
            count++;
            token = p.nextToken();
        }
        if (count < 2 || count > 3) {
            throw new BadFeature("a position has " + count
                    + " numbers; a position is longitude, latitude and an optional altitude", depth);
        }
        return new double[] {lon, lat};
    }

    /** Skips tokens until the parser is back at the given nesting depth (the end of the geometry). */
    private static void skipTo(JsonParser p, int depth) {
        while (p.streamReadContext().getNestingDepth() >= depth) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }

    private void problem(String feature, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(feature, message));
        } else {
            problemsNotListed++;
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** The coordinates of one ring as read, before any check. */
    private static final class Ring {
        private double[] xy = new double[32];
        private int size;

        void add(double[] position) {
            if (2 * size + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, xy.length * 2);
            }
            xy[2 * size] = position[0];
            xy[2 * size + 1] = position[1];
            size++;
        }

        int size() {
            return size;
        }
    }

    /** A geometry's coordinates as read; {@link #toJts} checks and builds it. */
    private record RawGeometry(boolean multi, Object coordinates) {

        Geometry toJts(Winding winding) {
            List<?> polygons = multi ? asList(coordinates, "a MultiPolygon's coordinates must be a list of polygons")
                    : List.of(coordinates);
            if (polygons.isEmpty()) {
                throw new BadFeature("the MultiPolygon has no polygons", 0);
            }
            Polygon[] built = new Polygon[polygons.size()];
            for (int i = 0; i < polygons.size(); i++) {
                String which = multi ? "polygon " + (i + 1) + ", " : "";
                List<?> rings = asList(polygons.get(i), "the " + which.replace(", ", " ")
                        + "coordinates must be a list of rings");
                if (rings.isEmpty()) {
                    throw new BadFeature((multi ? "polygon " + (i + 1) : "the polygon") + " has no rings", 0);
                }
                LinearRing shell = null;
                LinearRing[] holes = new LinearRing[rings.size() - 1];
                for (int r = 0; r < rings.size(); r++) {
                    String ringName = which + (r == 0 ? "exterior ring" : "hole " + r);
                    if (rings.get(r) instanceof List<?> empty && empty.isEmpty()) {
                        throw new BadFeature(ringName + " has 0 positions; a ring needs at least 4 (the first repeated last)", 0);
                    }
                    if (!(rings.get(r) instanceof Ring ring)) {
                        throw new BadFeature(ringName + " is not a list of positions", 0);
                    }
                    LinearRing linear = ring(ring, ringName, r == 0, winding);
                    if (r == 0) {
                        shell = linear;
                    } else {
                        holes[r - 1] = linear;
                    }
                }
                built[i] = GEOMETRY.createPolygon(shell, holes);
            }
            return multi ? GEOMETRY.createMultiPolygon(built) : built[0];
        }

        private static List<?> asList(Object value, String problem) {
            if (value instanceof List<?> list) {
                return list;
            }
            throw new BadFeature(problem, 0);
        }

        private static LinearRing ring(Ring ring, String name, boolean exterior, Winding winding) {
            int n = ring.size();
            double[] xy = ring.xy;
            for (int i = 0; i < n; i++) {
                double lon = xy[2 * i];
                double lat = xy[2 * i + 1];
                if (!Coordinates.inRange(lon, lat)) {
                    throw new BadFeature(name + ": position " + (i + 1) + " (" + lon + ", " + lat
                            + ") is out of range; longitude must lie in [-180, 180] and latitude in [-90, 90]", 0);
                }
            }
            if (n < 4) {
                throw new BadFeature(name + " has " + n + " positions; a ring needs at least 4 (the first repeated last)", 0);
            }
            if (xy[0] != xy[2 * n - 2] || xy[1] != xy[2 * n - 1]) {
                throw new BadFeature(name + " is not closed: it starts at " + Coordinates.format(xy[0], xy[1])
                        + " and ends at " + Coordinates.format(xy[2 * n - 2], xy[2 * n - 1]), 0);
            }
            double twiceArea = 0;
            for (int i = 0; i + 1 < n; i++) {
                twiceArea += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
            }
            boolean counterClockwise = twiceArea > 0;
            boolean reverse = false;
            if (twiceArea != 0 && counterClockwise != exterior) {
                if (winding == Winding.STRICT) {
                    throw new BadFeature(name + " is wound " + (counterClockwise ? "counter-clockwise" : "clockwise")
                            + "; RFC 7946's right-hand rule wants exterior rings counter-clockwise and holes clockwise"
                            + " (import with winding=lenient to have them reoriented)", 0);
                }
                reverse = true;
            }
            Coordinate[] coordinates = new Coordinate[n];
            for (int i = 0; i < n; i++) {
                int k = reverse ? n - 1 - i : i;
                coordinates[i] = new Coordinate(xy[2 * k], xy[2 * k + 1]);
            }
            return GEOMETRY.createLinearRing(coordinates);
        }
    }

    /** A problem with the document as a whole; reading stops. */
    private static final class BadDocument extends RuntimeException {
        BadDocument(String message) {
            super(message, null, false, false);
        }
    }

    /** A problem with one feature; reading goes on after it. */
    private static final class BadFeature extends RuntimeException {
        final int depth;

        BadFeature(String message, int depth) {
            super(message, null, false, false);
            this.depth = depth;
        }
    }
}
