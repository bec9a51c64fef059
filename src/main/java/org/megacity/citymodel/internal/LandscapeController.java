package org.megacity.citymodel.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.megacity.citymodel.Landscape;
import org.megacity.citymodel.LandscapeFeature;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The landscape layer (rivers) as GeoJSON, for the map. */
@RestController
@RequestMapping("/api/v1/citymodel")
class LandscapeController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Landscape landscape;

    LandscapeController(Landscape landscape) {
        this.landscape = landscape;
    }

    /**
     * A FeatureCollection of the landscape's features, each with {@code kind}, {@code name} and
     * {@code nameEn}; coordinates to 6 decimals (about 0.1 m). Empty when no city was generated.
     */
    @GetMapping(value = "/landscape", produces = {"application/geo+json", "application/json"})
    ResponseEntity<byte[]> landscape() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GeoJsonOutput out = new GeoJsonOutput(bytes, 6)) {
            for (LandscapeFeature f : landscape.features()) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("kind", f.kind().id());
                properties.put("name", f.name());
                properties.put("nameEn", f.nameEn());
                out.feature(f.id(), properties, f.geometry());
            }
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(bytes.toByteArray());
    }
}
