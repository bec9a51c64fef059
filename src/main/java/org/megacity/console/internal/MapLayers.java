package org.megacity.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.megacity.geo.Division;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.DivisionsImported;
import org.megacity.geo.Geography;
import org.megacity.identity.CurrentActor;
import org.megacity.identity.Jurisdiction;
import org.megacity.platform.Problems;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map's vector layers: one level of divisions inside the visible box, simplified for the zoom
 * at which the map shows that level (a district outline needs no ten-centimetre detail), as GeoJSON.
 * Simplified outlines are cached per level and dropped when divisions are imported.
 */
@RestController
class MapLayers {

    /** The most features one response carries; the map asks for grids only when zoomed in. */
    static final int MAX_FEATURES = 5_000;

    private final Geography geography;
    private final CurrentActor currentActor;
    private final Map<DivisionLevel, List<MapFeature>> simplified = new ConcurrentHashMap<>();

    MapLayers(Geography geography, CurrentActor currentActor) {
        this.geography = geography;
        this.currentActor = currentActor;
    }

    @GetMapping(path = "/api/v1/console/map-layer", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> layer(@RequestParam String level, @RequestParam(required = false) String bbox) {
        DivisionLevel divisionLevel = DivisionLevel.parse(level);
        Envelope box = bbox == null ? null : parseBox(bbox);
        if (divisionLevel == DivisionLevel.GRID && box == null) {
            throw Problems.invalid("bbox", "grids are served for a box only: bbox=minLon,minLat,maxLon,maxLat");
        }
        Jurisdiction jurisdiction = currentActor.get().jurisdiction();
        List<Map<String, Object>> features = new ArrayList<>();
        boolean truncated = false;
        for (MapFeature feature : features(divisionLevel, box)) {
            if ((box != null && !box.intersects(feature.box())) || !jurisdiction.sees(feature.code())) {
                continue;
            }
            if (features.size() == MAX_FEATURES) {
                truncated = true;
                break;
            }
            features.add(feature.geoJson());
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        collection.put("truncated", truncated);
        return collection;
    }

    private List<MapFeature> features(DivisionLevel level, Envelope box) {
        if (level == DivisionLevel.GRID) {
            return geography.gridsIn(box).stream().map(d -> MapFeature.of(d, d.boundary())).toList();
        }
        return simplified.computeIfAbsent(level, l -> geography.divisions(l, null).stream()
                .map(d -> MapFeature.of(d, TopologyPreservingSimplifier.simplify(d.boundary(), tolerance(l))))
                .toList());
    }

    /** About a pixel at the most detailed zoom the map shows each level (see map.js). */
    static double tolerance(DivisionLevel level) {
        return switch (level) {
            case DISTRICT -> 0.0008;
            case STREET -> 0.0002;
            case COMMUNITY -> 0.00005;
            case GRID -> 0;
        };
    }

    @EventListener
    void divisionsChanged(DivisionsImported event) {
        simplified.clear();
    }

    static Envelope parseBox(String bbox) {
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw Problems.invalid("bbox", "expected minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw Problems.invalid("bbox", "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw Problems.invalid("bbox", "'" + parts[i] + "' is not a finite number");
            }
        }
        if (v[0] > v[2] || v[1] > v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw Problems.invalid("bbox", "expected minLon <= maxLon and minLat <= maxLat within -180..180, -90..90");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /** A division prepared for the map: its code, names, box, and GeoJSON with the given outline. */
    record MapFeature(String code, Envelope box, Map<String, Object> geoJson) {

        static MapFeature of(Division division, Geometry outline) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", division.code().value());
            properties.put("level", division.level().nameEn());
            properties.put("name", division.name());
            properties.put("nameEn", division.nameEn());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", division.code().value());
            feature.put("properties", properties);
            feature.put("geometry", GeoJsonGeometry.of(outline));
            return new MapFeature(division.code().value(), division.boundary().getEnvelopeInternal(), feature);
        }
    }
}
