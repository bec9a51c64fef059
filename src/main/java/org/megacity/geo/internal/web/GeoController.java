package org.megacity.geo.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.megacity.geo.CoordinateFrame;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionCode;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Location;
import org.megacity.geo.internal.GeoSettings;
import org.megacity.geo.internal.GeographyService;
import org.megacity.geo.internal.geojson.GeoJsonWriter;
import org.megacity.geo.internal.index.Atlas;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Jurisdiction;
import org.megacity.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading the city's geography: locate a point, list divisions, fetch one as GeoJSON, grids in a
 * box, export. Lists and exports show only what the caller's jurisdiction sees; a division outside
 * it is answered as not found. {@code locate} answers any signed-in caller anywhere (citizens report
 * problems anywhere in the city).
 */
@RestController
@RequestMapping("/api/v1/geo")
class GeoController {

    static final String GEO_JSON = "application/geo+json";

    private final GeographyService geography;
    private final CurrentActor actor;
    private final GeoSettings settings;

    GeoController(GeographyService geography, CurrentActor actor, GeoSettings settings) {
        this.geography = geography;
        this.actor = actor;
        this.settings = settings;
    }

    /** The grid, community, street and district of a point. */
    @GetMapping("/locate")
    Location locate(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
            @RequestParam(required = false) String crs) {
        List<Problems.Violation> violations = new ArrayList<>();
        double x = coordinate("lon", lon, 180, violations);
        double y = coordinate("lat", lat, 90, violations);
        CoordinateFrame frame = CoordinateFrame.WGS84;
        try {
            frame = CoordinateFrame.parse(crs);
        } catch (IllegalArgumentException e) {
            violations.add(new Problems.Violation("crs", e.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        return geography.locate(x, y, frame).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "outside-city",
                "Outside the city", String.format(Locale.ROOT, "(%s, %s) lies outside every grid of the city", lon, lat)));
    }

    private static double coordinate(String name, String text, double limit, List<Problems.Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Problems.Violation(name, "is required"));
            return Double.NaN;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            violations.add(new Problems.Violation(name, "must be a number in degrees, not '" + shorten(text) + "'"));
            return Double.NaN;
        }
        if (!(value >= -limit && value <= limit)) {
            violations.add(new Problems.Violation(name, "must lie between " + (int) -limit + " and " + (int) limit));
        }
        return value;
    }

    /** A division without its boundary. */
    record DivisionView(String code, String name, String nameEn, String level, String parent) {
        static DivisionView of(Division d) {
            return new DivisionView(d.code().value(), d.name(), d.nameEn(), d.level().nameEn(),
                    d.code().parent().map(DivisionCode::value).orElse(null));
        }
    }

    /** A page of divisions; {@code next} is the cursor for the following page, null on the last. */
    record DivisionPage(List<DivisionView> items, String next) {
    }

    /**
     * Divisions of a level (or the children of {@code parent}, or the districts), in code order, in
     * pages of {@code limit} after {@code cursor}; with {@code geometry=true} a GeoJSON
     * FeatureCollection of the page instead, the next page's address in a {@code Link} header.
     */
    @GetMapping("/divisions")
    ResponseEntity<?> divisions(@RequestParam(required = false) String level,
            @RequestParam(required = false) String parent, @RequestParam(defaultValue = "false") boolean geometry,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        List<Problems.Violation> violations = new ArrayList<>();
        DivisionLevel wanted = null;
        if (level != null && !level.isBlank()) {
            try {
                wanted = DivisionLevel.parse(level);
            } catch (IllegalArgumentException e) {
                violations.add(new Problems.Violation("level", e.getMessage()));
            }
        }
        DivisionCode parentCode = parent == null || parent.isBlank() ? null : code("parent", parent, violations);
        int pageSize = limit == null ? 1_000 : limit;
        if (pageSize < 1 || pageSize > settings.maxListSize()) {
            violations.add(new Problems.Violation("limit", "must lie between 1 and " + settings.maxListSize()));
        }
        if (wanted != null && parentCode != null && wanted.ordinal() <= parentCode.level().ordinal()) {
            violations.add(new Problems.Violation("level", "a " + wanted.nameEn() + " cannot lie within a "
                    + parentCode.level().nameEn()));
        }
        if (parentCode != null && parentCode.level() == DivisionLevel.GRID) {
            violations.add(new Problems.Violation("parent", "a grid has no divisions below it"));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        Atlas atlas = geography.atlas();
        Jurisdiction jurisdiction = actor.get().jurisdiction();
        if (parentCode != null) {
            visible(atlas, parentCode.value(), jurisdiction);
        }
        DivisionLevel listed = wanted != null ? wanted
                : parentCode == null ? DivisionLevel.DISTRICT : parentCode.level().child().orElseThrow();
        List<Division> all = atlas.level(listed, parentCode == null ? null : parentCode.value());
        List<Division> page = new ArrayList<>();
        String next = null;
        for (Division d : all) {
            if (cursor != null && d.code().value().compareTo(cursor) <= 0 || !jurisdiction.sees(d.code().value())) {
                continue;
            }
            if (page.size() == pageSize) {
                next = page.get(page.size() - 1).code().value();
                break;
            }
            page.add(d);
        }
        if (!geometry) {
            return ResponseEntity.ok(new DivisionPage(page.stream().map(DivisionView::of).toList(), next));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        GeoJsonWriter.write(body, page);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON));
        if (next != null) {
            ok.header("Link", "<?" + query(level, parent, true, pageSize, next) + ">; rel=\"next\"");
        }
        return ok.body(body.toByteArray());
    }

    private static String query(String level, String parent, boolean geometry, int limit, String cursor) {
        StringBuilder q = new StringBuilder();
        if (level != null && !level.isBlank()) {
            q.append("level=").append(level.trim()).append('&');
        }
        if (parent != null && !parent.isBlank()) {
            q.append("parent=").append(parent.trim()).append('&');
        }
        return q.append("geometry=").append(geometry).append("&limit=").append(limit).append("&cursor=").append(cursor)
                .toString();
    }

    /** One division as a GeoJSON Feature. */
    @GetMapping(value = "/divisions/{code}")
    void division(@PathVariable String code, HttpServletResponse response) throws IOException {
        List<Problems.Violation> violations = new ArrayList<>();
        DivisionCode divisionCode = code("code", code, violations);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        Division division = visible(geography.atlas(), divisionCode.value(), actor.get().jurisdiction());
        response.setContentType(GEO_JSON);
        try (OutputStream out = response.getOutputStream()) {
            GeoJsonWriter.writeFeature(out, division);
        }
    }

    /** The grids that meet a box, as a FeatureCollection; a box holding too many is refused. */
    @GetMapping("/grids")
    void grids(@RequestParam(required = false) String bbox, HttpServletResponse response) throws IOException {
        Envelope box = box(bbox);
        Atlas atlas = geography.atlas();
        int near = atlas.gridsNear(box);
        if (near > settings.maxGridsPerRequest()) {
            throw Problems.invalid("bbox", "the box holds about " + near + " grids, more than the "
                    + settings.maxGridsPerRequest() + " one request may return; ask for a smaller box");
        }
        Jurisdiction jurisdiction = actor.get().jurisdiction();
        List<Division> grids = atlas.gridsIn(box).stream().filter(g -> jurisdiction.sees(g.code().value())).toList();
        response.setContentType(GEO_JSON);
        try (OutputStream out = response.getOutputStream()) {
            GeoJsonWriter.write(out, grids);
        }
    }

    private static Envelope box(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            throw Problems.invalid("bbox", "is required: minLon,minLat,maxLon,maxLat");
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw Problems.invalid("bbox", "must be four numbers: minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw Problems.invalid("bbox", "'" + shorten(parts[i]) + "' is not a number");
            }
        }
        if (!(v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90)) {
            throw Problems.invalid("bbox", "longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
        }
        if (!(v[0] <= v[2] && v[1] <= v[3])) {
            throw Problems.invalid("bbox", "the minimum must not exceed the maximum (minLon,minLat,maxLon,maxLat)");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /**
     * Everything below {@code parent} (the whole city without one), or only the {@code level} given,
     * as a FeatureCollection the import reads back.
     */
    @GetMapping("/export")
    void export(@RequestParam(required = false) String level, @RequestParam(required = false) String parent,
            HttpServletResponse response) throws IOException {
        List<Problems.Violation> violations = new ArrayList<>();
        DivisionLevel only = null;
        if (level != null && !level.isBlank()) {
            try {
                only = DivisionLevel.parse(level);
            } catch (IllegalArgumentException e) {
                violations.add(new Problems.Violation("level", e.getMessage()));
            }
        }
        DivisionCode parentCode = parent == null || parent.isBlank() ? null : code("parent", parent, violations);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        Atlas atlas = geography.atlas();
        Jurisdiction jurisdiction = actor.get().jurisdiction();
        if (parentCode != null) {
            visible(atlas, parentCode.value(), jurisdiction);
        }
        List<Division> selected = Exports.select(atlas, only, parentCode).stream()
                .filter(d -> jurisdiction.sees(d.code().value())).toList();
        response.setContentType(GEO_JSON);
        response.setHeader("Content-Disposition", "attachment; filename=\"megacity-"
                + (parentCode == null ? "city" : parentCode.value()) + (only == null ? "" : "-" + only.nameEn())
                + ".geojson\"");
        try (OutputStream out = response.getOutputStream()) {
            GeoJsonWriter.write(out, selected);
        }
    }

    private static DivisionCode code(String field, String text, List<Problems.Violation> violations) {
        try {
            return DivisionCode.of(text.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Problems.Violation(field, e.getMessage()));
            return null;
        }
    }

    private static Division visible(Atlas atlas, String code, Jurisdiction jurisdiction) {
        return atlas.division(code).filter(d -> jurisdiction.sees(code))
                .orElseThrow(() -> Problems.notFound("no division " + code));
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
