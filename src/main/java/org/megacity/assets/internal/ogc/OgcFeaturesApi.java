package org.megacity.assets.internal.ogc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetType;
import org.megacity.assets.PipeSegment;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.assets.internal.AssetSettings;
import org.megacity.assets.internal.geojson.AssetFeatures;
import org.megacity.assets.internal.index.Layer;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * OGC API – Features – Part 1: Core (OGC 17-069r4), conformance classes Core, GeoJSON and OpenAPI
 * 3.0, one collection per asset type, served at two roots:
 * <ul>
 * <li>{@code /ogcapi}: open without signing in, for any GIS client; the pipe-network collections
 *     (sensitive infrastructure data) exist there only for a signed-in session;</li>
 * <li>{@code /api/v1/ogcapi}: the same API behind the API's credentials (bearer token or HTTP Basic,
 *     which QGIS and ArcGIS can send), with every collection.</li>
 * </ul>
 * Every response is JSON ({@code application/json}, features {@code application/geo+json});
 * {@code f=json} is accepted, other formats are a 400. Errors follow the standard: an unknown query
 * parameter or an invalid value (a malformed bbox, a limit outside 1..10,000, a malformed datetime)
 * is a 400 (/req/core/query-param-unknown, /req/core/query-param-invalid); an unknown collection or
 * feature is a 404. Error bodies are problem details that also carry OGC's {@code code} and
 * {@code description} members.
 */
@RestController
@RequestMapping({OgcFeaturesApi.PUBLIC_ROOT, OgcFeaturesApi.API_ROOT})
class OgcFeaturesApi {

    static final String PUBLIC_ROOT = "/ogcapi";
    static final String API_ROOT = "/api/v1/ogcapi";
    static final int DEFAULT_LIMIT = 10;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    private static final Set<String> PLAIN = Set.of("f");
    private static final Set<String> ITEMS = Set.of("f", "limit", "offset", "bbox", "datetime");
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final AssetRegistryService registry;
    private final AssetSettings settings;

    OgcFeaturesApi(AssetRegistryService registry, AssetSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @GetMapping({"", "/"})
    Map<String, Object> landing(HttpServletRequest request, HttpServletResponse response) {
        check(request, PLAIN);
        String base = base(request);
        response.setContentType(JSON);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "Megacity assets – OGC API Features");
        out.put("description", "城市管网、公园、地块、城市更新项目与城市部件 / The city's pipe networks, parks, land parcels,"
                + " urban-renewal projects and city components");
        out.put("links", List.of(
                link(base, "self", JSON, "This document"),
                link(base + "/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)"),
                link(base + "/conformance", "conformance", JSON, "Conformance classes implemented"),
                link(base + "/collections", "data", JSON, "The feature collections")));
        return out;
    }

    @GetMapping("/conformance")
    Map<String, Object> conformance(HttpServletRequest request, HttpServletResponse response) {
        check(request, PLAIN);
        response.setContentType(JSON);
        return Map.of("conformsTo", CONFORMANCE);
    }

    @GetMapping("/api")
    void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
        check(request, PLAIN);
        response.setContentType(OPENAPI);
        try (OutputStream out = response.getOutputStream()) {
            OpenApiDocument.write(out, base(request), visible(request), settings.maxFeatures());
        }
    }

    @GetMapping("/collections")
    Map<String, Object> collections(HttpServletRequest request, HttpServletResponse response) {
        check(request, PLAIN);
        String base = base(request);
        response.setContentType(JSON);
        List<Map<String, Object>> list = new ArrayList<>();
        for (AssetType type : visible(request)) {
            list.add(collection(base, type));
        }
        return Map.of("links", List.of(link(base + "/collections", "self", JSON, "The feature collections")),
                "collections", list);
    }

    @GetMapping("/collections/{collectionId}")
    Map<String, Object> collection(@PathVariable String collectionId, HttpServletRequest request,
            HttpServletResponse response) {
        check(request, PLAIN);
        AssetType type = type(collectionId, request);
        response.setContentType(JSON);
        return collection(base(request), type);
    }

    @GetMapping("/collections/{collectionId}/items")
    void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        check(request, ITEMS);
        AssetType type = type(collectionId, request);
        int limit = limit(request.getParameter("limit"));
        int offset = offset(request.getParameter("offset"));
        Envelope box = bbox(request.getParameter("bbox"));
        Instant[] time = datetime(request.getParameter("datetime"));
        Layer<? extends Asset> layer = registry.snapshot().layer(type);
        int[] matched = select(layer, box, time);
        int total = matched == null ? layer.size() : matched.length;
        int from = Math.min(offset, total);
        int to = (int) Math.min((long) from + limit, total);
        String base = base(request) + "/collections/" + type.id() + "/items";
        response.setContentType(GEOJSON);
        try (OutputStream out = response.getOutputStream();
                JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            for (int k = from; k < to; k++) {
                AssetFeatures.write(json, layer.get(matched == null ? k : matched[k]));
            }
            json.writeEndArray();
            json.writeName("links");
            json.writeStartArray();
            String query = query(request, null);
            writeLink(json, base + query, "self", GEOJSON, "This page");
            writeLink(json, base + query(request, "json"), "alternate", JSON, "This page as JSON");
            if (to < total) {
                writeLink(json, base + withPage(request, to, limit), "next", GEOJSON, "The next page");
            }
            if (from > 0) {
                writeLink(json, base + withPage(request, Math.max(0, from - limit), limit), "prev", GEOJSON,
                        "The previous page");
            }
            json.writeEndArray();
            json.writeStringProperty("timeStamp", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            json.writeNumberProperty("numberMatched", total);
            json.writeNumberProperty("numberReturned", to - from);
            json.writeEndObject();
        }
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        check(request, PLAIN);
        AssetType type = type(collectionId, request);
        long id;
        try {
            id = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            throw ogc(HttpStatus.NOT_FOUND, "NotFound", "no feature '" + featureId + "' in " + type.id());
        }
        Asset asset = registry.find(type, id)
                .orElseThrow(() -> ogc(HttpStatus.NOT_FOUND, "NotFound", "no feature " + featureId + " in " + type.id()));
        String base = base(request) + "/collections/" + type.id();
        response.setContentType(GEOJSON);
        // the feature as written for the import, with the links the standard asks for added after it
        try (OutputStream out = response.getOutputStream();
                JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            java.io.ByteArrayOutputStream feature = new java.io.ByteArrayOutputStream();
            try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), feature, JsonEncoding.UTF8)) {
                AssetFeatures.write(g, asset);
            }
            byte[] bytes = feature.toByteArray();
            json.flush();
            out.write(bytes, 0, bytes.length - 1); // without the closing brace
            out.write(",\"links\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            json.writeStartArray();
            writeLink(json, base + "/items/" + id, "self", GEOJSON, "This feature");
            writeLink(json, base + "/items/" + id + "?f=json", "alternate", JSON, "This feature as JSON");
            writeLink(json, base, "collection", JSON, "The collection");
            json.writeEndArray();
            json.flush();
            out.write('}');
        }
    }

    // ------------------------------------------------------------------ selection

    /** Positions matching the box and time, in id order; null for the whole layer. */
    private static int[] select(Layer<? extends Asset> layer, Envelope box, Instant[] time) {
        if (box == null && time == null) {
            return null;
        }
        int[] hits;
        if (box == null) {
            hits = new int[layer.size()];
            Arrays.setAll(hits, i -> i);
        } else {
            hits = layer.query(box, Integer.MAX_VALUE);
            Arrays.sort(hits);
        }
        if (time == null) {
            return hits;
        }
        int n = 0;
        for (int i : hits) {
            if (layer.get(i) instanceof PipeSegment s && inTime(s, time)) {
                hits[n++] = i;
            }
        }
        return Arrays.copyOf(hits, n);
    }

    /** A segment exists from the start of its install year on; the interval [start, end] touches that. */
    private static boolean inTime(PipeSegment s, Instant[] time) {
        Instant installed = LocalDate.of(s.installYear(), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return time[1] == null || !time[1].isBefore(installed);
    }

    // ------------------------------------------------------------------ parameters

    private static void check(HttpServletRequest request, Set<String> allowed) {
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "unknown query parameter '" + name
                        + "' (this resource takes " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        String f = request.getParameter("f");
        if (f != null && !f.equals("json")) {
            throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "f must be json (no other format is offered)");
        }
    }

    private int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= settings.maxFeatures()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "limit must be an integer from 1 to "
                + settings.maxFeatures());
    }

    private static int offset(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(text.trim());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "offset must be an integer of 0 or more");
    }

    /**
     * bbox: four numbers (or six, with heights, which are ignored) in CRS84: west, south, east, north.
     * West may exceed east only across the antimeridian, which this city never spans: such a box
     * selects by its two halves.
     */
    static Envelope bbox(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "bbox must have 4 or 6 numbers");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "bbox must be numbers: '" + parts[i] + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "bbox must be finite numbers");
            }
        }
        int h = parts.length == 6 ? 1 : 0;
        double west = v[0];
        double south = v[1];
        double east = v[2 + h];
        double north = v[3 + h];
        if (west < -180 || west > 180 || east < -180 || east > 180 || south < -90 || south > 90 || north < -90
                || north > 90) {
            throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue",
                    "bbox must lie within longitude -180..180 and latitude -90..90");
        }
        if (south > north) {
            throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "bbox: the southern edge lies north of the northern");
        }
        if (h == 1 && v[2] > v[5]) {
            throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "bbox: the lower height exceeds the upper");
        }
        if (west > east) {
            // across the antimeridian: the asset layers lie far from it, so the eastern half suffices
            return new Envelope(west, 180, south, north);
        }
        return new Envelope(west, east, south, north);
    }

    /** datetime: an RFC 3339 instant or an interval of two, either end open ({@code ..} or empty). */
    static Instant[] datetime(String text) {
        if (text == null) {
            return null;
        }
        try {
            String[] parts = text.split("/", -1);
            if (parts.length == 1) {
                Instant at = instant(parts[0]);
                if (at == null) {
                    throw new DateTimeParseException("empty", text, 0);
                }
                return new Instant[] {at, at};
            }
            if (parts.length == 2) {
                Instant start = instant(parts[0]);
                Instant end = instant(parts[1]);
                if (start == null && end == null && !(parts[0].equals("..") || parts[1].equals(".."))) {
                    throw new DateTimeParseException("both ends empty", text, 0);
                }
                if (start != null && end != null && start.isAfter(end)) {
                    throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "datetime: the interval ends before it starts");
                }
                return new Instant[] {start, end};
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ogc(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "datetime must be an RFC 3339 date-time or an"
                + " interval such as 2018-02-12T00:00:00Z/.. ");
    }

    private static Instant instant(String text) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    // ------------------------------------------------------------------ collections

    /**
     * The collections this request may see: the pipe networks only for a signed-in caller who may
     * read them ({@code PipeDataAccess}: the operations roles), the public ones otherwise.
     */
    private static List<AssetType> visible(HttpServletRequest request) {
        boolean pipes = signedIn() && org.megacity.assets.internal.web.PipeDataAccess.mayRead();
        return Arrays.stream(AssetType.values()).filter(t -> pipes || !t.sensitive()).toList();
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static AssetType type(String id, HttpServletRequest request) {
        return AssetType.byId(id).filter(visible(request)::contains)
                .orElseThrow(() -> ogc(HttpStatus.NOT_FOUND, "NotFound", "no collection '" + id + "'"));
    }

    private Map<String, Object> collection(String base, AssetType type) {
        String self = base + "/collections/" + type.id();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", type.id());
        c.put("title", type.title() + " / " + type.titleEn());
        c.put("description", type.titleEn() + " of the city" + (type.sensitive() ? " (needs an account)" : ""));
        c.put("links", List.of(link(self, "self", JSON, "This collection"),
                link(self + "/items", "items", GEOJSON, "The features")));
        Layer<? extends Asset> layer = registry.snapshot().layer(type);
        Envelope extent = new Envelope();
        if (layer.size() > 0) {
            for (int i = 0; i < layer.size(); i += Math.max(1, layer.size() / 100_000)) {
                extent.expandToInclude(layer.minX(i), layer.minY(i));
                extent.expandToInclude(layer.maxX(i), layer.maxY(i));
            }
        }
        Map<String, Object> spatial = new LinkedHashMap<>();
        spatial.put("bbox", List.of(extent.isNull() ? List.of(-180.0, -90.0, 180.0, 90.0)
                : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())));
        spatial.put("crs", CRS84);
        c.put("extent", Map.of("spatial", spatial));
        c.put("itemType", "feature");
        c.put("crs", List.of(CRS84));
        return c;
    }

    // ------------------------------------------------------------------ links and errors

    private static String base(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String root = uri.startsWith(request.getContextPath() + API_ROOT) ? API_ROOT : PUBLIC_ROOT;
        StringBuilder url = new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(request.getScheme().equals("http") && port == 80) && !(request.getScheme().equals("https") && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append(root).toString();
    }

    private static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }

    private static void writeLink(JsonGenerator json, String href, String rel, String type, String title) {
        json.writeStartObject();
        json.writeStringProperty("href", href);
        json.writeStringProperty("rel", rel);
        json.writeStringProperty("type", type);
        json.writeStringProperty("title", title);
        json.writeEndObject();
    }

    /** The request's query string with {@code f} set (or as it was when null). */
    private static String query(HttpServletRequest request, String f) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v[0]));
        if (f != null) {
            params.put("f", f);
        }
        return encode(params);
    }

    private static String withPage(HttpServletRequest request, int offset, int limit) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v[0]));
        params.put("offset", Integer.toString(offset));
        params.put("limit", Integer.toString(limit));
        return encode(params);
    }

    private static String encode(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        params.forEach((k, v) -> {
            if (q.length() > 1) {
                q.append('&');
            }
            q.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("%2C", ","));
        });
        return q.toString();
    }

    static ErrorResponseException ogc(HttpStatus status, String code, String description) {
        ProblemDetail problem = Problems.problem(status, status == HttpStatus.NOT_FOUND ? "not-found" : "invalid-input",
                status == HttpStatus.NOT_FOUND ? "Not found" : "Invalid input", description);
        problem.setProperty("code", code);
        problem.setProperty("description", description);
        return new ErrorResponseException(status, problem, null);
    }
}
