package org.megacity.assets.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.megacity.assets.Asset;
import org.megacity.assets.AssetRegistry;
import org.megacity.assets.AssetType;
import org.megacity.assets.internal.AssetImports;
import org.megacity.assets.internal.AssetRegistryService;
import org.megacity.assets.internal.AssetSettings;
import org.megacity.assets.internal.analysis.LandUseRules;
import org.megacity.assets.internal.analysis.SpatialAnalysis;
import org.megacity.assets.internal.geojson.AssetFeatures;
import org.megacity.assets.internal.geojson.AssetFileReader;
import org.megacity.assets.internal.geojson.AssetWriter;
import org.megacity.geo.GeoMeasure;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/assets}: the registry's summary, features by id and box, nearby search, the three
 * analyses, and import/export. Reads need an account (pipe data is sensitive infrastructure data);
 * imports need the system administrator.
 */
@RestController
@RequestMapping("/api/v1/assets")
class AssetsApi {

    static final double MAX_NEARBY_RADIUS_M = 5_000;
    static final double MAX_DIG_AREA_M2 = 1_000_000;

    private final AssetRegistryService registry;
    private final AssetImports imports;
    private final SpatialAnalysis analysis;
    private final AssetSettings settings;

    AssetsApi(AssetRegistryService registry, AssetImports imports, SpatialAnalysis analysis, AssetSettings settings) {
        this.registry = registry;
        this.imports = imports;
        this.analysis = analysis;
        this.settings = settings;
    }

    @GetMapping
    Map<String, Object> summary() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (AssetType t : AssetType.values()) {
            counts.put(t.id(), registry.count(t));
        }
        return Map.of("ready", registry.ready(), "counts", counts);
    }

    @GetMapping("/{layer}/{id}")
    JsonNode feature(@PathVariable String layer, @PathVariable long id) {
        AssetType type = type(layer);
        return AssetJson.feature(registry.find(type, id)
                .orElseThrow(() -> Problems.notFound("no " + type.id() + " with id " + id)));
    }

    /** Features of a layer in a box (longitude/latitude), at most {@code limit} (≤ megacity.assets.max-features). */
    @GetMapping("/{layer}")
    Map<String, Object> features(@PathVariable String layer, @RequestParam String bbox,
            @RequestParam(defaultValue = "1000") int limit) {
        AssetType type = type(layer);
        Envelope box = box(bbox);
        if (limit < 1 || limit > settings.maxFeatures()) {
            throw Problems.invalid("limit", "must lie between 1 and " + settings.maxFeatures());
        }
        List<Asset> found = registry.within(type, box, limit + 1);
        boolean truncated = found.size() > limit;
        Map<String, Object> fc = AssetJson.collection(truncated ? found.subList(0, limit) : found);
        fc.put("truncated", truncated);
        return fc;
    }

    @GetMapping("/nearby")
    Map<String, Object> nearby(@RequestParam double lon, @RequestParam double lat, @RequestParam double radius,
            @RequestParam(required = false) String types, @RequestParam(defaultValue = "100") int limit) {
        List<Problems.Violation> problems = new ArrayList<>();
        if (!(lon >= -180 && lon <= 180)) {
            problems.add(new Problems.Violation("lon", "must lie within -180..180"));
        }
        if (!(lat >= -90 && lat <= 90)) {
            problems.add(new Problems.Violation("lat", "must lie within -90..90"));
        }
        if (!(radius > 0 && radius <= MAX_NEARBY_RADIUS_M)) {
            problems.add(new Problems.Violation("radius", "must be more than 0 and at most " + (int) MAX_NEARBY_RADIUS_M
                    + " metres"));
        }
        if (limit < 1 || limit > settings.maxFeatures()) {
            problems.add(new Problems.Violation("limit", "must lie between 1 and " + settings.maxFeatures()));
        }
        Set<AssetType> wanted = EnumSet.allOf(AssetType.class);
        if (types != null && !types.isBlank()) {
            wanted = EnumSet.noneOf(AssetType.class);
            for (String t : types.split(",")) {
                var found = AssetType.byId(t.trim());
                if (found.isEmpty()) {
                    problems.add(new Problems.Violation("types", "unknown type '" + t.trim() + "'"));
                } else {
                    wanted.add(found.get());
                }
            }
        }
        if (!PipeDataAccess.mayRead()) {
            wanted.removeIf(AssetType::sensitive);
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (AssetRegistry.Nearby n : registry.nearby(lon, lat, radius, wanted, limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("distanceM", Math.round(n.metres() * 100) / 100.0);
            m.put("feature", AssetJson.feature(n.asset()));
            out.add(m);
        }
        return Map.of("results", out);
    }

    record ExcavationRequest(JsonNode polygon, Double depth) {
    }

    @PostMapping("/analysis/excavation")
    @PreAuthorize(PipeDataAccess.READERS)
    Map<String, Object> excavation(@RequestBody ExcavationRequest request) {
        List<AssetFeatures.Problem> problems = new ArrayList<>();
        Geometry dig = AssetFeatures.readArea(request.polygon(), "polygon", problems);
        List<Problems.Violation> violations = new ArrayList<>(problems.stream()
                .map(p -> new Problems.Violation(p.where(), p.message())).toList());
        if (request.depth() == null || !(request.depth() > 0 && request.depth() <= 50)) {
            violations.add(new Problems.Violation("depth", "must be more than 0 and at most 50 metres"));
        }
        if (dig != null && GeoMeasure.around(dig).squareMetres(dig) > MAX_DIG_AREA_M2) {
            violations.add(new Problems.Violation("polygon", "a dig of more than 1 km² is checked in parts"));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        SpatialAnalysis.Excavation result = analysis.excavation(dig, request.depth());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("depthM", result.depthM());
        out.put("verticalClearanceM", result.verticalClearanceM());
        Map<String, Double> distances = new LinkedHashMap<>();
        result.safetyDistances().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> distances.put(e.getKey().id(), e.getValue()));
        out.put("safetyDistancesM", distances);
        result.location().ifPresent(l -> out.put("district", l.district().code()));
        out.put("segments", result.segments().stream().map(c -> {
            Map<String, Object> m = AssetJson.segmentSummary(c.segment());
            m.put("distanceM", c.distanceM());
            m.put("safetyDistanceM", c.safetyDistanceM());
            m.put("geometry", AssetJson.feature(c.segment()).get("geometry"));
            return m;
        }).toList());
        out.put("components", result.components().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.component().code().value());
            m.put("classCode", c.component().code().classCode());
            m.put("status", c.component().status().id());
            m.put("distanceM", c.distanceM());
            m.put("lon", c.component().lon());
            m.put("lat", c.component().lat());
            return m;
        }).toList());
        out.put("operators", result.operators());
        return out;
    }

    record IsolationRequest(Long segmentId) {
    }

    @PostMapping("/analysis/isolation")
    @PreAuthorize(PipeDataAccess.READERS)
    Map<String, Object> isolation(@RequestBody IsolationRequest request) {
        if (request.segmentId() == null) {
            throw Problems.invalid("segmentId", "is required");
        }
        SpatialAnalysis.Isolation result;
        try {
            result = analysis.isolation(request.segmentId())
                    .orElseThrow(() -> Problems.notFound("no pipe segment with id " + request.segmentId()));
        } catch (SpatialAnalysis.NotValved e) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "not-valved", "Not a valved network", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segment", AssetJson.segmentSummary(result.segment()));
        out.put("valves", result.valves().stream().map(AssetJson::node).toList());
        out.put("isolatedSegments", result.isolated().stream().map(s -> s.id()).toList());
        out.put("cutOffSegments", result.cutOff().stream().map(s -> s.id()).toList());
        out.put("customerConnections", result.customers().size());
        out.put("customerConnectionIds", result.customers().stream().map(n -> n.id()).toList());
        out.put("byCommunity", result.byCommunity());
        out.put("bbox", AssetJson.bbox(result.area()));
        out.put("cutOffArea", AssetJson.collection(result.cutOff().size() <= settings.maxFeatures() ? result.cutOff()
                : result.cutOff().subList(0, settings.maxFeatures())));
        return out;
    }

    record ZoningRequest(JsonNode polygon, String landUse) {
    }

    @PostMapping("/analysis/zoning")
    Map<String, Object> zoning(@RequestBody ZoningRequest request) {
        List<AssetFeatures.Problem> problems = new ArrayList<>();
        Geometry polygon = AssetFeatures.readArea(request.polygon(), "polygon", problems);
        List<Problems.Violation> violations = new ArrayList<>(problems.stream()
                .map(p -> new Problems.Violation(p.where(), p.message())).toList());
        String use = request.landUse() == null ? null : request.landUse().trim().toUpperCase(Locale.ROOT);
        if (!LandUseRules.isCode(use)) {
            violations.add(new Problems.Violation("landUse", "must be a land-use class code (GB 50137) such as R2, B1,"
                    + " M1 or G1"));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        SpatialAnalysis.Zoning result = analysis.zoning(polygon, use);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("landUse", result.landUse());
        out.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT));
        out.put("permitted", result.verdict() == LandUseRules.Verdict.PERMITTED);
        out.put("parcels", result.parcels().stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.parcel().id());
            m.put("landUse", v.parcel().landUse());
            m.put("plotRatioLimit", v.parcel().plotRatioLimit());
            m.put("overlapM2", v.overlapM2());
            m.put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
            return m;
        }).toList());
        return out;
    }

    /**
     * Imports a GeoJSON FeatureCollection (any Content-Type but {@code text/csv}) or a components CSV
     * ({@code text/csv}), all or nothing: 201 with the counts, or 422 naming every problem by feature
     * index or line (400 for malformed JSON), nothing stored.
     */
    @PostMapping("/import")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    ResponseEntity<Map<String, Object>> importFile(HttpServletRequest request) throws IOException {
        long limit = settings.maxImportBytes();
        if (request.getContentLengthLong() > limit) {
            throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
                    "the body exceeds " + limit + " bytes (megacity.assets.max-import-bytes); nothing was stored");
        }
        boolean csv = request.getContentType() != null && request.getContentType().startsWith("text/csv");
        AssetFileReader.Parsed parsed;
        try (InputStream body = request.getInputStream()) {
            parsed = csv ? AssetFileReader.componentsCsv(body) : AssetFileReader.geoJson(body);
        }
        AssetImports.Outcome outcome = imports.store(parsed);
        if (!outcome.ok()) {
            throw rejected(outcome);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        outcome.stored().forEach((t, n) -> stored.put(t.id(), n));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("stored", stored, "replaced", outcome.replaced()));
    }

    /** Streams a layer as a GeoJSON FeatureCollection ({@code format=csv}: components as CSV). */
    @GetMapping("/export/{layer}")
    void export(@PathVariable String layer, @RequestParam(defaultValue = "geojson") String format,
            HttpServletResponse response) throws IOException {
        AssetType type = type(layer);
        boolean csv = "csv".equals(format);
        if (!csv && !"geojson".equals(format)) {
            throw Problems.invalid("format", "must be geojson or csv");
        }
        if (csv && type != AssetType.COMPONENT) {
            throw Problems.invalid("format", "CSV is offered for components only");
        }
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/geo+json");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + type.id() + (csv ? ".csv" : ".geojson")
                + "\"");
        try (OutputStream out = response.getOutputStream()) {
            if (csv) {
                AssetWriter.componentsCsv(out, registry.snapshot().components());
            } else {
                AssetWriter.geoJson(out, registry.snapshot().layer(type));
            }
        }
    }

    private static ErrorResponseException rejected(AssetImports.Outcome outcome) {
        boolean malformed = outcome.problems().stream().anyMatch(p -> p.message().startsWith("malformed JSON"));
        HttpStatus status = malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        String detail = outcome.problems().stream().limit(3).map(p -> p.where() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b).orElse("rejected");
        int more = outcome.problems().size() - 3 + outcome.problemsNotListed();
        if (more > 0) {
            detail += " (and " + more + " more)";
        }
        ProblemDetail problem = Problems.problem(status, malformed ? "invalid-input" : "invalid-assets",
                malformed ? "Invalid input" : "Import rejected", detail + "; nothing was stored");
        problem.setProperty("errors", outcome.problems().stream()
                .map(p -> Map.of("field", p.where(), "message", p.message())).toList());
        if (outcome.problemsNotListed() > 0) {
            problem.setProperty("problemsNotListed", outcome.problemsNotListed());
        }
        return new ErrorResponseException(status, problem, null);
    }

    /** The layer named, 404 when there is none, 403 when it holds pipes the caller may not read ({@link PipeDataAccess}). */
    static AssetType type(String layer) {
        return PipeDataAccess.checked(AssetType.byId(layer).orElseThrow(() -> Problems.notFound("no asset layer '" + layer
                + "' (pipe-nodes, pipe-segments, parks, parcels, renewal-projects, components)")));
    }

    static Envelope box(String bbox) {
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw Problems.invalid("bbox", "must be minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw Problems.invalid("bbox", "must be four numbers: minLon,minLat,maxLon,maxLat");
        }
        if (!(v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90 && v[0] <= v[2] && v[1] <= v[3])) {
            throw Problems.invalid("bbox", "must lie within -180..180, -90..90 with min before max");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }
}
